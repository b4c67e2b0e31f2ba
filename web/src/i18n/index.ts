// How the whole app reads its texts: `const t = useT()` in a component (re-renders on a language
// switch), currentMessages() in plain functions called while rendering or acting.
//
// A feature with many strings of its own may keep them in its own pair of files (French shape
// first, English typed by it) and read them with useMessages({ fr, en }) from ./language.

import type { Language } from "../types";
import { en } from "./en";
import { fr, type Messages } from "./fr";
import { currentLanguage, useMessages } from "./language";

export type { Messages } from "./fr";

const MESSAGES: Readonly<Record<Language, Messages>> = { fr, en };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

/** The messages of the language shown now (for code outside components). */
export function currentMessages(): Messages {
  return MESSAGES[currentLanguage()];
}

/** The messages of the language shown; the component re-renders when it changes. */
export function useT(): Messages {
  return useMessages(MESSAGES);
}

/** BCP 47 tag for Intl formatters of a language. */
export const locale = (language: Language): string => language;

/** Label for a value chain: a known slug's label, else the text as its owner wrote it, capitalised. */
export function valueChainLabel(slug: string, m: Messages = currentMessages()): string {
  const known = m.valueChains[slug];
  if (known !== undefined) return known;
  const text = slug.replace(/[-_]+/g, " ").trim();
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}
