// Who is in the plan right now, and what they are editing.

import { useMessages } from "../i18n/language";
import { projectMessages } from "../i18n/project";
import { entityKey, type PlanDoc } from "../plan/planDoc";
import type { PresenceEntry } from "../plan/presence";
import { entityTitle } from "./entityTitle";

/** "Youssef Benali" → "YB"; one name → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== "");
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!].map((w) => Array.from(w)[0]!) : Array.from(words[0] ?? "?").slice(0, 2);
  return letters.join("").toLocaleUpperCase();
}

/** A stable colour per person (presence does not carry the region), from the palette of both regions. */
export function avatarTone(userId: string): number {
  let hash = 0;
  for (const c of userId) hash = (hash * 31 + c.codePointAt(0)!) >>> 0;
  return hash % 6;
}

export function Avatar({ entry, small = false }: { entry: PresenceEntry; small?: boolean }) {
  return (
    <span class={`avatar avatar--${avatarTone(entry.userId)}${small ? " avatar--small" : ""}`} aria-hidden="true" title={entry.displayName}>
      {initials(entry.displayName)}
    </span>
  );
}

/** One line per person (several tabs of one person count once, the most precise place wins). */
export function PresenceBar({ others, view }: { others: readonly PresenceEntry[]; view: PlanDoc | null }) {
  const t = useMessages(projectMessages);
  const people = new Map<string, PresenceEntry>();
  for (const entry of others) {
    const known = people.get(entry.userId);
    if (known === undefined || (known.entityId === null && entry.entityId !== null)) people.set(entry.userId, entry);
  }
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h3 id="presence-title" class="presence__title">
        {t.presence.title}
      </h3>
      {people.size === 0 ? (
        <p class="muted presence__alone">{t.presence.alone}</p>
      ) : (
        <ul class="presence__list" aria-live="polite">
          {[...people.values()].map((entry) => {
            const entity = entry.kind !== null && entry.entityId !== null ? view?.entities.get(entityKey(entry.kind, entry.entityId)) : undefined;
            const [before, after] = t.presence.editing(entry.displayName);
            return (
              <li key={entry.userId} class="presence__item">
                <Avatar entry={entry} />
                {entity !== undefined ? (
                  <span>
                    {before}
                    <em>{entityTitle(entity, t)}</em>
                    {after}
                  </span>
                ) : (
                  <span>{t.presence.here(entry.displayName)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
