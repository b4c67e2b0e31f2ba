import { useT, valueChainLabel } from "../i18n";
import { relativeTime, timeInBothZones } from "../format";
import { projectHref, routeHref } from "../router";
import type { DirectoryEntry } from "../types";

interface Props {
  readonly entry: DirectoryEntry;
  readonly fresh: boolean;
  readonly now: number;
}

const PinIcon = () => (
  <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <path
      fill="currentColor"
      d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5c0 3.2 3.7 7.6 4.1 8.1a.5.5 0 0 0 .8 0c.4-.5 4.1-4.9 4.1-8.1A4.5 4.5 0 0 0 8 1.5Zm0 6.3a1.8 1.8 0 1 1 0-3.6 1.8 1.8 0 0 1 0 3.6Z"
    />
  </svg>
);

/** A cooperative's, diaspora group's or organisation's profile, a project's page. */
function entryHref(entry: DirectoryEntry): string {
  switch (entry.kind) {
    case "cooperative":
      return routeHref({ name: "cooperative", slug: entry.slug });
    case "diaspora-group":
      return routeHref({ name: "diasporaGroup", slug: entry.slug });
    case "project":
      return projectHref(entry.slug);
    case "organisation":
      return routeHref({ name: "organisation", slug: entry.slug });
    case "exchange":
      // Offers and needs have no page of their own yet: the card leads to the organisation that posted it.
      return entryHref({ ...entry, kind: entry.exchange?.organisationKind ?? "organisation", slug: entry.exchange?.organisationSlug ?? entry.slug });
  }
}

export function EntryCard({ entry, fresh, now }: Props) {
  const t = useT();
  const headingId = `${entry.kind}-${entry.slug}`;
  return (
    <article class={`card${fresh ? " card--fresh" : ""}`} aria-labelledby={headingId}>
      <header class="card__head">
        <h3 class="card__title" id={headingId}>
          <a class="card__link" href={entryHref(entry)}>
            {entry.name}
          </a>
        </h3>
        {entry.status !== null && (
          <span class={`status status--${entry.status}`} title={t.entry.status}>
            {t.status[entry.status] ?? entry.status}
          </span>
        )}
      </header>

      <div class="card__meta">
        <span class="regions" aria-label={t.entry.regions}>
          {entry.regions.map((region) => (
            <span key={region} class={`region region--${region}`}>
              {t.regions[region] ?? region}
            </span>
          ))}
        </span>
        {entry.place !== "" && (
          <span class="place" title={t.entry.place}>
            <PinIcon />
            {entry.place}
          </span>
        )}
      </div>

      {entry.summary !== "" && <p class="card__summary">{entry.summary}</p>}

      {entry.valueChains.length > 0 && (
        <ul class="chips" aria-label={t.entry.valueChains}>
          {entry.valueChains.map((chain) => (
            <li key={chain} class="chip">
              {valueChainLabel(chain)}
            </li>
          ))}
        </ul>
      )}

      <footer class="card__foot">
        {fresh ? (
          <span class="card__live">{t.entry.changedLive}</span>
        ) : (
          <time dateTime={entry.updatedAt} title={timeInBothZones(entry.updatedAt, now)}>
            {t.entry.updated(relativeTime(entry.updatedAt, now))}
          </time>
        )}
      </footer>
    </article>
  );
}
