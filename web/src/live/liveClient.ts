// Connection to the /hubs/live SignalR hub, shared by every live list on the page.
//
// - @microsoft/signalr is loaded lazily, so the first paint only needs Preact + the page.
// - Automatic reconnect; after each (re)connection every topic is subscribed again with
//   the last version its owner has seen, so the server sends only what was missed.
// - Events pushed while a Subscribe call is in flight are buffered and handed over with
//   its result, in order (the pure list logic then drops duplicates).
// - When automatic reconnect gives up, the client is "offline" and keeps retrying slowly.
// - WebSockets only (no negotiate round trip), so the connection needs no affinity to one silo.
// - The hub needs a signed-in user (session cookie). The client connects on the first
//   subscription, stop() (sign-out) closes and forgets the connection, and a later
//   subscription (next sign-in) builds a new one. A 401 while connecting is reported to
//   the session, which then checks whether the user is still signed in.

import type { HubConnection } from "@microsoft/signalr";
import { reportUnauthorized } from "../auth/session";
import { parseHubError, type HubError } from "./hubErrors";
import type { LiveEvent, SubscribeResult } from "../types";

export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline";

export interface TopicHandler {
  /** Last version seen for the topic (null: never subscribed yet → the server sends a snapshot). */
  sinceVersion(): number | null;
  /** Answer of Subscribe, followed by the events pushed while it was pending. */
  onSubscribed(result: SubscribeResult, buffered: readonly LiveEvent[]): void;
  onEvent(event: LiveEvent): void;
  /** The server stopped sending the topic, since the reader may no longer read it ("access-removed"); it is forgotten. */
  onRevoked?(error: HubError): void;
}

interface TopicEntry {
  readonly handler: TopicHandler;
  /** Non-null while a Subscribe call is in flight. */
  buffer: LiveEvent[] | null;
  /** Incremented on each subscribe attempt, to drop answers of superseded calls. */
  attempt: number;
}

const HUB_URL = "/hubs/live";
/** Delays of the automatic reconnect; after the last one the client is "offline". */
const RECONNECT_DELAYS_MS = [0, 1_000, 2_000, 5_000, 10_000, 10_000, 15_000, 15_000];
/** Retry period once offline. */
const OFFLINE_RETRY_MS = 15_000;

export class LiveClient {
  private connection: HubConnection | null = null;
  private starting: Promise<void> | null = null;
  private readonly topics = new Map<string, TopicEntry>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private currentState: ConnectionState = "connecting";
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Incremented by stop(): work started before it must not touch the client. */
  private generation = 0;

  constructor() {
    if (typeof window !== "undefined") {
      // Back from a network outage: do not wait for the slow offline retry.
      window.addEventListener("online", () => {
        if (this.currentState === "offline" && !this.stopped) void this.start();
      });
      // The browser knows the network is gone: say so now rather than after the keep-alive
      // timeout (30 s), so that edits are queued as offline at once. "online" restarts it.
      window.addEventListener("offline", () => {
        if (!this.stopped) void this.connection?.stop().catch(() => undefined);
      });
    }
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.currentState);
    return () => this.stateListeners.delete(listener);
  }

  /** Starts following `topic`; returns a function that stops it. */
  subscribe(topic: string, handler: TopicHandler): () => void {
    const entry: TopicEntry = { handler, buffer: null, attempt: 0 };
    this.topics.set(topic, entry);
    this.stopped = false;
    const connectionState = this.connection?.state;
    if (connectionState === "Connected") void this.subscribeTopic(topic, entry);
    else if (connectionState === undefined || connectionState === "Disconnected") void this.start();
    // Connecting / Reconnecting: the (re)connection handler subscribes every registered topic.
    return () => {
      if (this.topics.get(topic) !== entry) return;
      this.topics.delete(topic);
      if (this.connection && this.currentState === "online") {
        this.connection.invoke("Unsubscribe", topic).catch(() => undefined);
      }
    };
  }

  /** Connects if not connected yet: a signed-in page shows the connection state even before it follows a topic. */
  open(): void {
    this.stopped = false;
    const connectionState = this.connection?.state;
    if (connectionState === undefined || connectionState === "Disconnected") void this.start();
  }

  /**
   * The hub connection, started if needed, for clients that speak more than topics on the same
   * socket (the plan editor: SubmitPlanOp, presence). Null once stop() was called.
   */
  async hub(): Promise<HubConnection | null> {
    if (this.stopped) return null;
    await this.start();
    return this.stopped ? null : this.connection;
  }

  /** Asks the server again for what was missed on `topic` (e.g. after a version gap). */
  resync(topic: string): void {
    const entry = this.topics.get(topic);
    if (entry && this.connection && this.currentState === "online" && entry.buffer === null) {
      void this.subscribeTopic(topic, entry);
    }
  }

  /**
   * Calls a hub method on the open connection. Refused at once (no queue) while not connected: a live action
   * replayed minutes later, after the room moved on, would surprise more than a "try again".
   */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (this.connection === null || this.currentState !== "online") return Promise.reject(new OfflineError());
    return this.connection.invoke<T>(method, ...args);
  }

  /** Closes the connection and forgets every topic (sign-out). A later subscribe() starts afresh. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = null;
    this.starting = null;
    this.topics.clear();
    this.setState("connecting");
    connection?.stop().catch(() => undefined);
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private start(): Promise<void> {
    if (this.starting) return this.starting;
    const starting = this.connect().finally(() => {
      if (this.starting === starting) this.starting = null;
    });
    this.starting = starting;
    return starting;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    clearTimeout(this.retryTimer);
    try {
      const connection = this.connection ?? (await this.build(generation));
      if (connection === null || connection.state !== "Disconnected") return;
      this.setState(this.currentState === "offline" ? "reconnecting" : "connecting");
      await connection.start();
      if (generation !== this.generation) return;
      this.onConnected();
    } catch (error: unknown) {
      if (generation !== this.generation) return;
      this.setState("offline");
      if (isUnauthorized(error)) reportUnauthorized();
      this.scheduleRetry();
    }
  }

  /** Builds the connection, or returns null if stop() was called meanwhile. */
  private async build(generation: number): Promise<HubConnection | null> {
    const signalR = await import("@microsoft/signalr");
    if (generation !== this.generation) return null;
    const connection = new signalR.HubConnectionBuilder()
      // WebSockets only, without the negotiate request: behind a load balancer without affinity, any silo takes the
      // connection (a negotiated one makes a second request, which may reach a silo that never saw the first).
      .withUrl(HUB_URL, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) => {
          // Signed out meanwhile (cookie expired or revoked): retrying cannot help.
          if (isUnauthorized(retryReason)) {
            reportUnauthorized();
            return null;
          }
          return RECONNECT_DELAYS_MS[previousRetryCount] ?? null;
        },
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    const current = () => this.connection === connection;
    connection.on("event", (event: LiveEvent) => {
      if (current()) this.dispatch(event);
    });
    connection.on("revoked", (topic: string, error: string) => {
      if (current()) this.revoke(topic, error);
    });
    // The session ended (password changed, signed out everywhere): the server closes the socket next.
    connection.on("signedout", () => {
      if (current()) reportUnauthorized();
    });
    connection.onreconnecting(() => {
      if (current()) this.setState("reconnecting");
    });
    connection.onreconnected(() => {
      if (current()) this.onConnected();
    });
    connection.onclose((error) => {
      if (this.stopped || !current()) return;
      if (isUnauthorized(error)) reportUnauthorized();
      this.setState("offline");
      this.scheduleRetry();
    });
    this.connection = connection;
    return connection;
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.start(), OFFLINE_RETRY_MS);
  }

  private onConnected(): void {
    this.setState("online");
    // A new connection has no server-side subscriptions: subscribe every topic again.
    for (const [topic, entry] of this.topics) void this.subscribeTopic(topic, entry);
  }

  private async subscribeTopic(topic: string, entry: TopicEntry): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    const attempt = ++entry.attempt;
    entry.buffer = [];
    try {
      const result = await connection.invoke<SubscribeResult>("Subscribe", topic, entry.handler.sinceVersion());
      if (entry.attempt !== attempt || this.topics.get(topic) !== entry) return;
      const buffered = entry.buffer ?? [];
      entry.buffer = null;
      entry.handler.onSubscribed(result, buffered);
    } catch {
      if (entry.attempt !== attempt) return;
      // Drop what was buffered: the next Subscribe (sinceVersion unchanged) returns it again.
      entry.buffer = null;
      // Connection lost mid-call: onreconnected subscribes again. Otherwise retry soon.
      if (connection.state === "Connected") setTimeout(() => this.resync(topic), 2_000);
    }
  }

  private revoke(topic: string, error: string): void {
    const entry = this.topics.get(topic);
    if (!entry) return;
    this.topics.delete(topic);
    entry.handler.onRevoked?.(parseHubError(error) ?? { code: "access-removed", rule: null, retryAfterMs: null, message: error });
  }

  private dispatch(event: LiveEvent): void {
    const entry = this.topics.get(event.topic);
    if (!entry) return;
    if (entry.buffer !== null) entry.buffer.push(event);
    else entry.handler.onEvent(event);
  }
}

/** A hub call attempted while the connection is down. */
export class OfflineError extends Error {
  constructor() {
    super("The live connection is not open.");
    this.name = "OfflineError";
  }
}

/**
 * True when the hub refused the connection for want of a session: an HttpError with status
 * 401, or the error the SignalR client makes of a refused negotiation, which keeps the
 * status only in its message ("… Status code '401'").
 */
export function isUnauthorized(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { statusCode, message } = error as { statusCode?: unknown; message?: unknown };
  return statusCode === 401 || (typeof message === "string" && /status code '401'/i.test(message));
}

let shared: LiveClient | null = null;

/** The page-wide client (one WebSocket for all lists). */
export function liveClient(): LiveClient {
  shared ??= new LiveClient();
  return shared;
}
