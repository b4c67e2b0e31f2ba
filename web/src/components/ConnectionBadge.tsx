import { fr } from "../i18n/fr";
import type { ConnectionState } from "../live/liveClient";

const HINTS: Record<ConnectionState, string> = {
  connecting: fr.connection.connectingHint,
  online: fr.connection.onlineHint,
  reconnecting: fr.connection.reconnectingHint,
  offline: fr.connection.offlineHint,
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span class={`conn conn--${state}`} role="status" aria-live="polite" title={HINTS[state]}>
      <span class="conn__dot" aria-hidden="true" />
      {fr.connection[state]}
    </span>
  );
}
