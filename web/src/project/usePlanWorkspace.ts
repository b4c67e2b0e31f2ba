// The live plan of one project for the workspace page: a PlanClient and a PresenceClient on the
// page's shared hub connection (LiveClient), the view they produce, and the notices to show.

import type { HubConnection } from "@microsoft/signalr";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { LiveClient } from "../live/liveClient";
import { entityKey, fieldValue, type PlanDoc } from "../plan/planDoc";
import { PlanClient, type PlanClientErrorKind, type PlanConnection, type PlanHub } from "../plan/planClient";
import { pendingOps, PlanOpError, type PlanState, type RecoveredField } from "../plan/planState";
import { PresenceClient, type PresenceEntry, type PresenceFocus } from "../plan/presence";
import { diffText, type TextOp } from "../plan/textOps";
import { isTextField, type PlanOp } from "../plan/types";

export type PlanNoticeKind = PlanClientErrorKind | "deleted";

/** Remote text ops by field, handed to the textareas before they re-render. */
export class TextEffectBus {
  private readonly listeners = new Map<string, Set<(op: TextOp) => void>>();

  listen(key: string, listener: (op: TextOp) => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => set.delete(listener);
  }

  emit(key: string, op: TextOp): void {
    for (const listener of this.listeners.get(key) ?? []) listener(op);
  }
}

export const fieldKey = (kind: string, id: string, field: string): string => `${kind}/${id}/${field}`;

export interface PlanWorkspace {
  readonly view: PlanDoc | null;
  readonly state: PlanState | null;
  readonly connection: PlanConnection;
  /** Edits not yet applied by the server. */
  readonly pending: number;
  readonly others: readonly PresenceEntry[];
  readonly notice: PlanNoticeKind | null;
  /**
   * After the server lost acknowledged edits ("server-behind"): the fields as this page had them where the plan now
   * differs, offered back until the user puts them back or dismisses them.
   */
  readonly recovered: readonly RecoveredField[];
  readonly effects: TextEffectBus;
  /** Applies a local edit; false (and a notice) when it cannot be made, e.g. its entity was just deleted. */
  edit(op: PlanOp): boolean;
  focus(focus: PresenceFocus | null): void;
  dismissNotice(): void;
  /** Puts a recovered field's text back as a new edit; false when its entity is gone (the text can only be copied then). */
  restore(field: RecoveredField): boolean;
  dismissRecovered(): void;
}

/** SignalR's HubConnection for the plan client, except that reconnections are announced by the live client. */
function planHubOn(connection: HubConnection): PlanHub {
  return {
    get state() {
      return connection.state;
    },
    invoke: (method, ...args) => connection.invoke(method, ...args),
    on: (method, handler) => connection.on(method, handler),
    off: (method, handler) => connection.off(method, handler),
    onreconnecting: (callback) => connection.onreconnecting(callback),
    // The live client also restarts the connection itself after it closed (offline, then back):
    // it says "online" in both cases, and the page calls connected() then.
    onreconnected: () => undefined,
    onclose: (callback) => connection.onclose(callback),
  };
}

export function usePlanWorkspace(slug: string, live: LiveClient): PlanWorkspace {
  const effects = useMemo(() => new TextEffectBus(), [slug]);
  const [state, setState] = useState<PlanState | null>(null);
  const [connection, setConnection] = useState<PlanConnection>("offline");
  const [others, setOthers] = useState<readonly PresenceEntry[]>([]);
  const [notice, setNotice] = useState<PlanNoticeKind | null>(null);
  const [recovered, setRecovered] = useState<readonly RecoveredField[]>([]);
  const clients = useRef<{ plan: PlanClient; presence: PresenceClient } | null>(null);
  const focused = useRef<PresenceFocus | null>(null);

  useEffect(() => {
    let closed = false;
    const offs: (() => void)[] = [];
    void live.hub().then((hub) => {
      if (closed || hub === null) return;
      const plan = new PlanClient({ hub: planHubOn(hub), projectSlug: slug });
      const presence = new PresenceClient({ hub, projectSlug: slug, clientId: plan.clientId });
      clients.current = { plan, presence };
      offs.push(
        plan.onChange(({ view, effects: changes, reset }) => {
          if (!reset) for (const e of changes) effects.emit(fieldKey(e.kind, e.id, e.field), e.text);
          // Someone deleted what this user is editing: say so rather than let the edit vanish.
          const at = focused.current;
          if (at !== null && !view.entities.has(entityKey(at.kind, at.entityId))) {
            focused.current = null;
            presence.focus(null);
            setNotice("deleted");
          }
          setState(plan.state);
        }),
        plan.onError((error) => {
          setNotice(error.kind);
          if (error.recovered !== undefined) setRecovered(error.recovered);
        }),
        plan.onConnectionChange(setConnection),
        presence.onChange(setOthers),
        live.subscribe(presence.topic, {
          sinceVersion: () => null,
          onSubscribed: (result, buffered) => {
            for (const event of [...result.events, ...buffered]) presence.receive(event.data);
          },
          onEvent: (event) => presence.receive(event.data),
        }),
        live.onStateChange((liveState) => {
          if (liveState !== "online") return;
          plan.connected();
          presence.start();
        }),
      );
      plan.start();
      presence.start();
    });
    return () => {
      closed = true;
      for (const off of offs) off();
      clients.current?.plan.stop();
      clients.current?.presence.stop();
      clients.current = null;
    };
  }, [slug, live]);

  function edit(op: PlanOp): boolean {
    const plan = clients.current?.plan;
    if (!plan) return false;
    try {
      plan.edit(op);
      return true;
    } catch (error: unknown) {
      if (!(error instanceof PlanOpError)) throw error;
      const view = plan.view;
      setNotice(view !== null && !view.entities.has(entityKey(op.kind, op.id)) ? "deleted" : "rejected");
      return false;
    }
  }

  return {
    view: state?.view ?? null,
    state,
    connection,
    pending: state === null ? 0 : pendingOps(state).length,
    others,
    notice,
    recovered,
    effects,
    edit,
    focus(focus) {
      focused.current = focus;
      clients.current?.presence.focus(focus);
    },
    dismissNotice: () => setNotice(null),
    restore(lost) {
      const entity = clients.current?.plan.view?.entities.get(entityKey(lost.kind, lost.id));
      if (entity === undefined) return false;
      const { kind, id, field, text } = lost;
      const op: PlanOp = isTextField(kind, field)
        ? { type: "text", kind, id, field, text: diffText(fieldValue(entity, field), text) }
        : { type: "set", kind, id, field, value: text };
      if (!edit(op)) return false;
      setRecovered((fields) => fields.filter((f) => f !== lost));
      return true;
    },
    dismissRecovered: () => setRecovered([]),
  };
}
