// French / English switch: in the user menu, and in the header for signed-out visitors. Signed in, the choice is
// stored on the account, so it follows the person to every device (and their e-mails are written in it).

import { updateMe } from "../auth/accountApi";
import { session } from "../auth/session";
import { useT } from "../i18n";
import { setLanguage, useLanguage } from "../i18n/language";
import type { Language } from "../types";
import { UI_LANGUAGE_VALUES } from "../wire/contract";

async function choose(language: Language): Promise<void> {
  setLanguage(language);
  const state = session.state;
  if (state.status !== "signedIn" || state.user.language === language) return;
  const { displayName, organisation, region } = state.user;
  const saved = await updateMe({ displayName, organisation, region, language });
  // Not saved (offline, session ended): the page still speaks the chosen language until the next sign-in.
  if (saved.ok) session.signedIn(saved.value);
}

export function LanguageSwitch({ id }: { readonly id: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div class="segmented segmented--small language-switch" role="group" aria-labelledby={`${id}-label`}>
      <span class="visually-hidden" id={`${id}-label`}>
        {t.language.label}
      </span>
      {UI_LANGUAGE_VALUES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => void choose(l)}>
          {t.language.names[l]}
        </button>
      ))}
    </div>
  );
}
