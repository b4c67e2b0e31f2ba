// A coach saves the workshop's outline (agenda, polls, board columns) as a template the coaches start from later.

import { useState } from "preact/hooks";
import { problemMessage } from "../auth/problem";
import type { WorkshopMessages } from "../i18n/workshop";
import { WORKSHOP_LIMITS } from "../wire/contract";
import { saveTemplate } from "./api";

export function SaveTemplate({ workshopId, title, w }: { readonly workshopId: string; readonly title: string; readonly w: WorkshopMessages }) {
  const [name, setName] = useState(title.slice(0, WORKSHOP_LIMITS.templateNameLength));
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  return (
    <details class="ws-new">
      <summary>{w.templates.save}</summary>
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await saveTemplate(workshopId, name.trim());
          setOutcome(result.ok ? { ok: true, text: w.templates.saved(result.value.name) } : { ok: false, text: problemMessage(result.problem) });
        }}
      >
        <label for="ws-template-name">{w.templates.name}</label>
        <input id="ws-template-name" type="text" maxLength={WORKSHOP_LIMITS.templateNameLength} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="button" disabled={name.trim() === ""}>
          {w.templates.save}
        </button>
      </form>
      {outcome !== null && (
        <p class={outcome.ok ? "muted" : "note note--error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.text}
        </p>
      )}
    </details>
  );
}
