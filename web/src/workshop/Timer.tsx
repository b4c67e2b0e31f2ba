// The shared timer: counts down to the server's instant; coaches start, pause, resume and extend it.

import { useState } from "preact/hooks";
import { useTick } from "../hooks";
import { WORKSHOP_LIMITS } from "../wire/contract";
import { Part, type PartProps } from "./Part";
import { clockText, remainingMs, timerState } from "./logic";
import type { TimerView } from "./types";

export function Timer({ timer, offsetMs, view, run, w }: PartProps & { readonly timer: TimerView; readonly offsetMs: number }) {
  // Ticks only while running: a paused or idle timer costs nothing.
  const now = useTick(timer.running ? 250 : 60_000);
  const left = remainingMs(timer, Math.max(now, Date.now()), offsetMs);
  const shown = timerState(timer, left);
  const [seconds, setSeconds] = useState("300");
  const labels = { idle: w.timer.idle, running: w.timer.running, paused: w.timer.paused, over: w.timer.over };
  const live = view.phase === "live";
  return (
    <Part id="ws-timer" title={w.timer.title}>
      <p class={`ws-timer__clock ws-timer__clock--${shown}`} role="timer" aria-label={w.timer.remaining} data-remaining-ms={left}>
        {clockText(left)}
      </p>
      <p class="muted ws-timer__state">{labels[shown]}</p>
      {view.you.isCoach && live && (
        <div class="ws-timer__controls">
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const value = Number.parseInt(seconds, 10);
              if (value > 0) void run({ type: "timer-start", seconds: value });
            }}
          >
            <label for="ws-timer-seconds">{w.timer.seconds}</label>
            <input id="ws-timer-seconds" type="number" min={1} max={WORKSHOP_LIMITS.timerSeconds} inputMode="numeric" value={seconds} onInput={(e) => setSeconds(e.currentTarget.value)} />
            <button type="submit" class="button button--primary">
              {w.timer.start}
            </button>
          </form>
          <div class="actions">
            {shown === "running" && (
              <button type="button" class="button" onClick={() => void run({ type: "timer-pause" })}>
                {w.timer.pause}
              </button>
            )}
            {shown === "paused" && (
              <button type="button" class="button" onClick={() => void run({ type: "timer-resume" })}>
                {w.timer.resume}
              </button>
            )}
            {(shown === "running" || shown === "paused") && (
              <>
                <button type="button" class="button" title={w.timer.plusMinuteLabel} onClick={() => void run({ type: "timer-extend", seconds: 60 })}>
                  {w.timer.plusMinute}
                </button>
                <button type="button" class="button" title={w.timer.minusMinuteLabel} onClick={() => void run({ type: "timer-extend", seconds: -60 })}>
                  {w.timer.minusMinute}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </Part>
  );
}
