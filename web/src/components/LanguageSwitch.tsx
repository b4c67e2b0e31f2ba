// French / English switch: in the user menu, and in the header for signed-out visitors.

import { useT } from "../i18n";
import { setLanguage, useLanguage } from "../i18n/language";
import { UI_LANGUAGE_VALUES } from "../wire/contract";

export function LanguageSwitch({ id }: { readonly id: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div class="segmented segmented--small language-switch" role="group" aria-labelledby={`${id}-label`}>
      <span class="visually-hidden" id={`${id}-label`}>
        {t.language.label}
      </span>
      {UI_LANGUAGE_VALUES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {t.language.names[l]}
        </button>
      ))}
    </div>
  );
}
