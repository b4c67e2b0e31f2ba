// The head of both dashboard pages, and what it and the pages share: the partner's read-only badge, printing.

import type { ComponentChildren } from "preact";
import { useSession } from "../auth/session";
import { calendarDate, timeInBothZones } from "../format";
import { useTick } from "../hooks";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";

export function useIsPartner(): boolean {
  const state = useSession();
  return state.status === "signedIn" && state.user.roles.includes("partner");
}

/** Header of both dashboard pages: title, who reads, when the numbers last moved (in Dakar and Oujda). */
export function DashboardHead(props: { readonly title: string; readonly intro?: string; readonly updatedAt: string | null; readonly asOf: string | null; readonly children?: ComponentChildren }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const partner = useIsPartner();
  const now = useTick(30_000);
  return (
    <header class="dash-head">
      <div class="dash-head__text">
        {props.children}
        <h2 id="page-title">{props.title}</h2>
        {props.intro !== undefined && <p class="muted">{props.intro}</p>}
        <p class="dash-head__meta">
          {props.asOf !== null && <span>{d.asOf(calendarDate(props.asOf, language))}</span>}
          {props.updatedAt !== null && <span id="dashboard-updated">{d.updatedAt(timeInBothZones(props.updatedAt, now, language))}</span>}
        </p>
      </div>
      {partner && (
        <p class="dash-readonly" title={d.readOnlyHint}>
          <span class="dash-readonly__badge">{d.readOnly}</span>
          <span class="dash-readonly__hint">{d.readOnlyHint}</span>
        </p>
      )}
    </header>
  );
}

export function PrintButton({ label }: { readonly label: string }) {
  return (
    <button type="button" class="button dash-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
