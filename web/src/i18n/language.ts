// The language the interface speaks: French by default, English on request. The choice is
// kept in localStorage so it survives a reload, and mirrored on <html lang> for screen readers.
//
// Feature message files (one object per language, the French one is the reference shape)
// pick their strings with useLanguage(); switching re-renders every component that uses it.

import { useEffect, useState } from "preact/hooks";
import type { Language } from "../types";
import { UI_LANGUAGE_VALUES } from "../wire/contract";

const STORAGE_KEY = "kaolack.language";
const listeners = new Set<(language: Language) => void>();

export function isLanguage(value: unknown): value is Language {
  return UI_LANGUAGE_VALUES.includes(value as Language);
}

function stored(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "fr";
  } catch {
    // Storage can be refused (private mode, policies): French, the working language.
    return "fr";
  }
}

let current: Language = stored();
if (typeof document !== "undefined") document.documentElement.lang = current;

export function currentLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads; the switch still applies now.
  }
  if (typeof document !== "undefined") document.documentElement.lang = language;
  for (const listener of listeners) listener(language);
}

/** Calls `listener` on every switch; returns the function that stops it. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLanguage(): Language {
  const [language, setState] = useState(current);
  useEffect(() => {
    setState(current);
    return onLanguageChange(setState);
  }, []);
  return language;
}

/** The messages of the current language, from one object per language. */
export function useMessages<M>(messages: Readonly<Record<Language, M>>): M {
  return messages[useLanguage()];
}
