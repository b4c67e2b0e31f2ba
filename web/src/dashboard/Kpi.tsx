// Headline numbers of a dashboard: one figure with its detail, or money received as a share of what was expected.

import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { receivedOfExpected } from "./format";
import { percent } from "./tables";
import type { MoneyProgress } from "./types";

export function Kpi(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string | undefined;
  /** Shown in the alarm colour (late milestones). */
  readonly alert?: boolean;
}) {
  const { id, label, value, detail } = props;
  return (
    <div class={props.alert ? "dash-kpi dash-kpi--alert" : "dash-kpi"} id={id}>
      <dt>{label}</dt>
      <dd>
        <span class="dash-kpi__value">{value}</span>
        {detail !== undefined && <span class="dash-kpi__detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** "12 %" of the first currency with an amount expected, the detail listing every currency. */
export function MoneyKpi(props: { readonly id: string; readonly label: string; readonly lines: readonly MoneyProgress[]; readonly extra?: string }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const expected = props.lines.filter((l) => l.expected > 0);
  const main = expected[0];
  const detail = [expected.length > 0 ? receivedOfExpected(expected, language) : d.kpis.noAmount, props.extra].filter((s) => s !== undefined).join(" · ");
  return <Kpi id={props.id} label={props.label} value={main === undefined ? "—" : `${percent(main.received, main.expected)} %`} detail={detail} />;
}
