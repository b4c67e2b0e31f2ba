// The signed-in user's name in the header, opening a small panel with "Se déconnecter".
// Disclosure pattern (button + panel): Escape and a click outside close it.

import { useEffect, useRef, useState } from "preact/hooks";
import { session } from "../auth/session";
import { useT } from "../i18n";
import { routeHref } from "../router";
import type { CurrentUser } from "../types";
import { LanguageSwitch } from "./LanguageSwitch";

export function UserMenu({ user }: { readonly user: CurrentUser }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const signOut = async () => {
    setBusy(true);
    await session.signOut();
  };

  const roles = user.roles.map((role) => t.account.roles[role]).join(", ");

  return (
    <div
      class="user-menu"
      ref={root}
      onFocusOut={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        class="user-menu__button"
        ref={button}
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span class="user-menu__avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span class="user-menu__name">{user.displayName}</span>
        {/* The name read out is the name shown, then what the button opens (WCAG 2.5.3). */}
        <span class="visually-hidden">{t.account.menuHint}</span>
        <svg class="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path fill="currentColor" d="M3.2 5.7a.8.8 0 0 1 1.1 0L8 9.3l3.7-3.6a.8.8 0 1 1 1.1 1.1L8.6 11a.8.8 0 0 1-1.2 0L3.2 6.8a.8.8 0 0 1 0-1.1Z" />
        </svg>
      </button>
      <div class="user-menu__panel" id="user-menu-panel" hidden={!open}>
        <p class="user-menu__who">
          <span class="user-menu__label">{t.account.signedInAs}</span>
          <strong>{user.displayName}</strong>
          <span>{user.email}</span>
          {user.organisation !== "" && <span>{user.organisation}</span>}
          {roles !== "" && <span class="user-menu__roles">{roles}</span>}
        </p>
        <ul class="user-menu__links">
          <li>
            <a href={routeHref({ name: "account" })} onClick={() => setOpen(false)}>
              {t.pages.account}
            </a>
          </li>
          {user.roles.includes("admin") && (
            <li>
              <a href={routeHref({ name: "admin" })} onClick={() => setOpen(false)}>
                {t.pages.admin}
              </a>
            </li>
          )}
        </ul>
        <div class="user-menu__language">
          <span class="user-menu__label" aria-hidden="true">
            {t.language.label}
          </span>
          <LanguageSwitch id="user-menu-language" />
        </div>
        <button type="button" class="button user-menu__signout" disabled={busy} onClick={() => void signOut()}>
          {busy ? t.account.signingOut : t.account.signOut}
        </button>
      </div>
    </div>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== "");
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((w) => [...(w ?? "")][0] ?? "").join("").toLocaleUpperCase("fr");
}
