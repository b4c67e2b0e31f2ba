// The programme dashboard's money card: budgets and pledges, expected and received, per currency (never converted).

import { useMemo } from "preact/hooks";
import { dashboardMessages } from "../i18n/dashboard";
import { useLanguage, useMessages } from "../i18n/language";
import { ChartView } from "./ChartView";
import { formatMoney, formatNumber } from "./format";
import { moneyLines, moneyTable } from "./tables";
import type { ProgrammeIndicators } from "./types";

/** Money of the programme: the share received per currency as a chart, and the amounts in a table. */
export function MoneyCard({ indicators }: { readonly indicators: ProgrammeIndicators }) {
  const d = useMessages(dashboardMessages);
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const money = useMemo(() => moneyLines(indicators.budget, indicators.pledges), [indicators]);
  const moneyChart = useMemo(() => moneyTable(money, { budget: d.charts.money.budgetPercent, pledges: d.charts.money.pledgesPercent }), [money, d]);
  return (
    <section class="dash-card" aria-labelledby="chart-money-title" id="chart-money">
      <h3 id="chart-money-title" class="dash-card__title">
        {d.charts.money.title}
      </h3>
      {money.length === 0 ? (
        <p class="muted">{d.charts.money.empty}</p>
      ) : (
        <>
          <ChartView
            id="chart-money-percent"
            title={d.charts.money.percentTitle}
            caption={d.charts.money.caption}
            rowHeader={d.charts.money.rowHeader}
            table={moneyChart}
            kind="percent"
            formatValue={(v) => `${n(v)} %`}
          />
          <div class="dash-table-scroll" tabIndex={0} role="region" aria-label={d.charts.money.amountsCaption}>
          <table class="dash-table" id="money-amounts">
            <caption>{d.charts.money.amountsCaption}</caption>
            <thead>
              <tr>
                <td />
                {money.map((l) => (
                  <th key={l.currency} scope="col">
                    {l.currency}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(["budget", "received", "pledged", "pledgesReceived"] as const).map((key) => (
                <tr key={key}>
                  <th scope="row">{d.charts.money[key]}</th>
                  {money.map((l) => (
                    <td key={l.currency}>{formatMoney(l[key], l.currency, language)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
