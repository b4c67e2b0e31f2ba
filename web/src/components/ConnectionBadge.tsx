import { useT } from "../i18n";
import type { ConnectionState } from "../live/liveClient";

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useT();
  const hints: Record<ConnectionState, string> = {
    connecting: t.connection.connectingHint,
    online: t.connection.onlineHint,
    reconnecting: t.connection.reconnectingHint,
    offline: t.connection.offlineHint,
  };
  return (
    <span class={`conn conn--${state}`} role="status" aria-live="polite" title={hints[state]}>
      <span class="conn__dot" aria-hidden="true" />
      {t.connection[state]}
    </span>
  );
}
