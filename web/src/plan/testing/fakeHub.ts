// Test support: SignalR connections to the simulated server over a network the test drives
// step by step: calls travel to the server in order, answers and events travel back (events
// through a relay that acks can overtake, as the real relay is a separate path), connections
// drop (calls on the way may still arrive, answers are lost) and come back.

import type { PlanHub, Timers } from "../planClient";
import type { KeyValueStorage } from "../offlineQueue";
import { SimPlanServer, type SimEvent, type SimSubmission } from "./simServer";

type Handler = (...args: unknown[]) => void;

interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
  /** Resolve/reject on the client side; null once the connection that made it is gone. */
  settle: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null;
}

type Incoming = { readonly kind: "answer"; readonly call: Call; readonly ok: boolean; readonly value: unknown } | { readonly kind: "event"; readonly event: SimEvent };

export class FakeHub implements PlanHub {
  state: "Connected" | "Disconnected" | "Reconnecting" = "Connected";
  /** Calls on the way to the server (they arrive even if the connection drops meanwhile). */
  readonly outgoing: Call[] = [];
  /** Events the server broadcast, not yet handed to the connection. */
  readonly relay: SimEvent[] = [];
  /** Answers and events on the wire to the client, in order. */
  readonly incoming: Incoming[] = [];
  subscribed = false;
  /** Calls whose answer has not reached the client. */
  private readonly open = new Set<Call>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnecting: Array<(error?: Error) => void> = [];
  private readonly reconnected: Array<(id?: string) => void> = [];
  private readonly closed: Array<(error?: Error) => void> = [];
  /** Set when the page using it went away: nothing reaches the client any more. */
  dead = false;

  constructor(readonly network: FakeNetwork) {}

  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T> {
    if (this.state !== "Connected") return Promise.reject(new Error("Cannot send data if the connection is not in the 'Connected' State."));
    return new Promise<T>((resolve, reject) => {
      const call: Call = { method: methodName, args: JSON.parse(JSON.stringify(args)) as unknown[], settle: { resolve: resolve as (value: unknown) => void, reject } };
      this.open.add(call);
      this.outgoing.push(call);
    });
  }

  on(methodName: string, handler: Handler): void {
    const key = methodName.toLowerCase();
    const set = this.handlers.get(key) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(key, set);
  }

  off(methodName: string, handler: Handler): void {
    this.handlers.get(methodName.toLowerCase())?.delete(handler);
  }

  /** A notice the server sends this connection alone ("Revoked", "SignedOut"), handed over at once. */
  notify(target: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(target.toLowerCase()) ?? []) handler(...args);
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnecting.push(callback);
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.reconnected.push(callback);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closed.push(callback);
  }

  get idle(): boolean {
    return this.outgoing.length + this.relay.length + this.incoming.length === 0;
  }

  /** The server receives the next call. */
  deliverOutgoing(): void {
    const call = this.outgoing.shift();
    if (call === undefined) return;
    const server = this.network.server;
    let ok = true;
    let value: unknown;
    try {
      if (call.method === "Subscribe") {
        const [, since] = call.args as [string, number | null];
        value = server.catchUp(since);
        // Joined the group at the same instant the catch-up was computed: nothing falls in between.
        this.subscribed = true;
        this.relay.length = 0;
      } else if (call.method === "SubmitPlanOp") {
        value = server.submit(call.args[1] as SimSubmission);
      } else if (call.method === "Unsubscribe") {
        this.subscribed = false;
        value = null;
      } else {
        throw new Error(`Unknown method ${call.method}`);
      }
    } catch (error: unknown) {
      ok = false;
      value = error;
    }
    if (call.settle !== null) {
      this.incoming.push({ kind: "answer", call, ok, value: ok ? (JSON.parse(JSON.stringify(value ?? null)) as unknown) : value });
    }
  }

  /** The relay hands the next broadcast event to the connection (or, with `swap`, the one after it first). */
  deliverRelay(swap = false): void {
    if (swap && this.relay.length >= 2) {
      const [first, second] = this.relay.splice(0, 2);
      this.incoming.push({ kind: "event", event: second! });
      this.relay.unshift(first!);
      return;
    }
    const event = this.relay.shift();
    if (event !== undefined) this.incoming.push({ kind: "event", event });
  }

  /** The client receives the next answer or event. */
  deliverIncoming(): void {
    const message = this.incoming.shift();
    if (message === undefined || this.dead) return;
    if (message.kind === "event") {
      for (const handler of this.handlers.get("event") ?? []) handler(message.event);
      return;
    }
    const settle = message.call.settle;
    message.call.settle = null;
    this.open.delete(message.call);
    if (settle === null) return;
    if (message.ok) settle.resolve(message.value);
    else settle.reject(message.value as Error);
  }

  /**
   * The connection drops: pending calls fail, what was on the way back is lost; calls on the
   * way to the server still arrive, unless `loseOutgoing`.
   */
  drop(loseOutgoing = false): void {
    if (this.state !== "Connected") return;
    this.state = "Reconnecting";
    this.subscribed = false;
    this.relay.length = 0;
    this.incoming.length = 0;
    if (loseOutgoing) this.outgoing.length = 0;
    const open = [...this.open];
    this.open.clear();
    for (const call of open) {
      const settle = call.settle;
      call.settle = null;
      settle?.reject(new Error("Invocation canceled due to the underlying connection being closed."));
    }
    if (!this.dead) for (const callback of this.reconnecting) callback(new Error("WebSocket closed"));
  }

  /** The connection comes back (automatic reconnect succeeded). */
  restore(): void {
    if (this.state === "Connected" || this.dead) return;
    this.state = "Connected";
    for (const callback of this.reconnected) callback("new-id");
  }

  /** The page went away: the connection closes for good (calls on the way may still arrive). */
  kill(loseOutgoing = false): void {
    this.drop(loseOutgoing);
    this.dead = true;
    this.state = "Disconnected";
  }

  /** Called by the network on a broadcast. */
  broadcast(event: SimEvent): void {
    if (this.subscribed && this.state === "Connected" && !this.dead) this.relay.push(event);
  }
}

/** The server and every connection to it. */
export class FakeNetwork {
  readonly hubs: FakeHub[] = [];

  constructor(readonly server: SimPlanServer) {
    server.onEvent = (event) => {
      for (const hub of this.hubs) hub.broadcast(event);
    };
  }

  connect(): FakeHub {
    const hub = new FakeHub(this);
    this.hubs.push(hub);
    return hub;
  }

  get idle(): boolean {
    return this.hubs.every((h) => h.idle || h.dead);
  }
}

/** A clock shared by the pages of a test. */
export interface Clock {
  now: number;
}

/** One page's timers, fired explicitly by the test (a crashed page's never fire). */
export class ManualTimers implements Timers {
  private next = 1;
  private readonly pending = new Map<number, { at: number; ms: number; callback: () => void }>();

  constructor(readonly clock: Clock = { now: 0 }) {}

  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.clock.now + ms, ms, callback });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  private earliest(until: number, maxDelay = Infinity): [number, { at: number; callback: () => void }] | null {
    let earliest: [number, { at: number; callback: () => void }] | null = null;
    for (const entry of this.pending) {
      if (entry[1].at <= until && entry[1].ms <= maxDelay && (earliest === null || entry[1].at < earliest[1].at)) earliest = entry;
    }
    return earliest;
  }

  /** Fires the earliest timer (moving the clock to it); false when none is set. */
  fireNext(): boolean {
    const earliest = this.earliest(Infinity);
    if (earliest === null) return false;
    this.pending.delete(earliest[0]);
    this.clock.now = Math.max(this.clock.now, earliest[1].at);
    earliest[1].callback();
    return true;
  }

  /** Fires the earliest timer set for at most `maxDelay` ms (not the periodic lease renewal); false when none. */
  fireNextShort(maxDelay: number): boolean {
    const earliest = this.earliest(Infinity, maxDelay);
    if (earliest === null) return false;
    this.pending.delete(earliest[0]);
    this.clock.now = Math.max(this.clock.now, earliest[1].at);
    earliest[1].callback();
    return true;
  }

  /** Moves the clock by `ms`, firing every timer due meanwhile. */
  advance(ms: number): void {
    const until = this.clock.now + ms;
    for (let e = this.earliest(until); e !== null; e = this.earliest(until)) {
      this.pending.delete(e[0]);
      this.clock.now = Math.max(this.clock.now, e[1].at);
      e[1].callback();
    }
    this.clock.now = Math.max(this.clock.now, until);
  }

  get count(): number {
    return this.pending.size;
  }
}

/** localStorage in memory (one per simulated browser). */
export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  /** When set, setItem throws as a full localStorage does. */
  full = false;

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** Lets promise callbacks run (the client's awaits) until nothing is left to run. */
export async function settle(): Promise<void> {
  // setImmediate (Node) runs after every pending promise callback, without setTimeout's 1 ms.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  await new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
