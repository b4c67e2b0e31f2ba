// "Partenaires suggérés" on a cooperative's page: ranked by the server, each with its reasons.

import { useEffect, useState } from "preact/hooks";
import type { Result } from "../auth/authApi";
import { useT } from "../i18n";
import { routeHref } from "../router";
import { fetchCooperativeSuggestions, reasonText, type PartnerSuggestion } from "../suggestions/suggestions";

export function PartnerSuggestions({ slug }: { readonly slug: string }) {
  const t = useT();
  const [result, setResult] = useState<Result<readonly PartnerSuggestion[]> | null>(null);

  useEffect(() => {
    let live = true;
    setResult(null);
    void fetchCooperativeSuggestions(slug).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [slug]);

  return (
    <section class="panel suggestions" aria-labelledby="suggestions-title" aria-busy={result === null}>
      <h3 id="suggestions-title">{t.suggestions.title}</h3>
      <p class="muted">{t.suggestions.intro}</p>
      {result === null ? (
        <p role="status">{t.suggestions.loading}</p>
      ) : !result.ok ? (
        <p class="note note--error">{t.suggestions.loadError}</p>
      ) : result.value.length === 0 ? (
        <p class="notice">{t.suggestions.empty}</p>
      ) : (
        <ol class="suggestions__list">
          {result.value.map((s) => (
            <li key={`${s.kind}-${s.slug}`} class="suggestion">
              <div class="suggestion__head">
                <a
                  class="suggestion__name"
                  href={routeHref(s.kind === "diaspora-group" ? { name: "diasporaGroup", slug: s.slug } : { name: "cooperative", slug: s.slug })}
                >
                  {s.name}
                </a>
                <span class={`region region--${s.region}`}>{t.regions[s.region]}</span>
              </div>
              {s.place !== "" && <p class="suggestion__place muted">{s.place}</p>}
              <ul class="suggestion__reasons" aria-label={t.suggestions.reasonsLabel}>
                {s.reasons.map((reason, i) => (
                  <li key={i}>{reasonText(reason, t)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
