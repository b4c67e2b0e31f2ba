// Connection to the /hubs/live SignalR hub, shared by every live list on the page.
//
// - @microsoft/signalr is loaded lazily, so the first paint only needs Preact + the page.
// - Automatic reconnect; after each (re)connection every topic is subscribed again with
//   the last version its owner has seen, so the server sends only what was missed.
// - Events pushed while a Subscribe call is in flight are buffered and handed over with
//   its result, in order (the pure list logic then drops duplicates).
// - When automatic reconnect gives up, the client is "offline" and keeps retrying slowly.

import type { HubConnection } from "@microsoft/signalr";
import type { LiveEvent, SubscribeResult } from "../types";

export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline";

export interface TopicHandler {
  /** Last version seen for the topic (null: never subscribed yet → the server sends a snapshot). */
  sinceVersion(): number | null;
  /** Answer of Subscribe, followed by the events pushed while it was pending. */
  onSubscribed(result: SubscribeResult, buffered: readonly LiveEvent[]): void;
  onEvent(event: LiveEvent): void;
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

  constructor() {
    if (typeof window !== "undefined") {
      // Back from a network outage: do not wait for the slow offline retry.
      window.addEventListener("online", () => {
        if (this.currentState === "offline") void this.start();
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

  /** Asks the server again for what was missed on `topic` (e.g. after a version gap). */
  resync(topic: string): void {
    const entry = this.topics.get(topic);
    if (entry && this.connection && this.currentState === "online" && entry.buffer === null) {
      void this.subscribeTopic(topic, entry);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    void this.connection?.stop();
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private start(): Promise<void> {
    this.starting ??= this.connect().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    try {
      const connection = this.connection ?? (await this.build());
      if (connection.state !== "Disconnected") return;
      this.setState(this.currentState === "offline" ? "reconnecting" : "connecting");
      await connection.start();
      this.onConnected();
    } catch {
      this.setState("offline");
      this.scheduleRetry();
    }
  }

  private async build(): Promise<HubConnection> {
    const signalR = await import("@microsoft/signalr");
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(HUB_URL)
      .withAutomaticReconnect(RECONNECT_DELAYS_MS)
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on("event", (event: LiveEvent) => this.dispatch(event));
    connection.onreconnecting(() => this.setState("reconnecting"));
    connection.onreconnected(() => this.onConnected());
    connection.onclose(() => {
      if (this.stopped) return;
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

  private dispatch(event: LiveEvent): void {
    const entry = this.topics.get(event.topic);
    if (!entry) return;
    if (entry.buffer !== null) entry.buffer.push(event);
    else entry.handler.onEvent(event);
  }
}

let shared: LiveClient | null = null;

/** The page-wide client (one WebSocket for all lists). */
export function liveClient(): LiveClient {
  shared ??= new LiveClient();
  return shared;
}
