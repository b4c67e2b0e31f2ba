// One part of the live workshop page (a panel with its heading), and what every part is given.

import type { ComponentChildren } from "preact";
import type { WorkshopMessages } from "../i18n/workshop";
import type { WorkshopCommand, WorkshopView } from "./types";

/** Sends a command; resolves to true when the server took it. */
export type Run = (command: WorkshopCommand) => Promise<boolean>;

export interface PartProps {
  readonly view: WorkshopView;
  readonly run: Run;
  readonly w: WorkshopMessages;
  /** The viewer may take part (partners only watch). */
  readonly takesPart: boolean;
}

export function Part({ id, title, children, extra }: { readonly id: string; readonly title: string; readonly children: ComponentChildren; readonly extra?: ComponentChildren }) {
  return (
    <section class="panel ws-part" id={id} aria-labelledby={`${id}-title`}>
      <div class="ws-part__head">
        <h3 id={`${id}-title`}>{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}
