// The join code and link a coach shows and shares while the workshop is open.

import { useState } from "preact/hooks";
import type { WorkshopMessages } from "../i18n/workshop";
import { joinLink } from "./api";
import { spacedCode } from "./logic";

export function JoinCode({ code, w }: { readonly code: string; readonly w: WorkshopMessages }) {
  const [copied, setCopied] = useState<string | null>(null);
  const link = joinLink(code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(w.code.copied);
    } catch {
      setCopied(w.code.copyFailed);
    }
  };
  return (
    <section class="panel ws-code" aria-labelledby="ws-code-title">
      <h3 id="ws-code-title">{w.code.label}</h3>
      <p class="ws-code__code" data-code={code}>
        {spacedCode(code)}
      </p>
      <label class="field__label" for="ws-code-link">
        {w.code.link}
      </label>
      <div class="ws-code__link">
        <input id="ws-code-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()}>
          {w.code.copyLink}
        </button>
      </div>
      <p class="muted" role="status">
        {copied}
      </p>
    </section>
  );
}
