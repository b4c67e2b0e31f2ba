import { relativeTime } from "../format";
import { useT } from "../i18n";
import { useOfflineRead } from "./register";

/** Says that what the page shows was saved earlier, how long ago, and that it cannot be changed until the signal is back. */
export function OfflineBanner() {
  const t = useT();
  const read = useOfflineRead();
  if (read === null) return null;
  return (
    <p class="offline-banner" role="status" data-saved-at={read.savedAt}>
      {t.offline.banner(relativeTime(read.savedAt, Date.now()))}
    </p>
  );
}
