// WAI-ARIA tabs: arrow keys, Home and End move between tabs (automatic activation), Tab moves into the panel.
// The selected panel renders first; the others follow right after the first paint (so a 2,000-request report
// shows at once) and then stay in the DOM, hidden when inactive, so find-in-page sees all sections.
// body[data-complete="true"] says every panel is rendered from the whole report (not the popup's first, partial one).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface TabSpec {
  id: string;
  label: string;
  /** a count shown next to the label; omitted when undefined */
  count?: number;
  panel: ComponentChildren;
}

interface Props {
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  /** false while the panels show only part of the report: body[data-complete] waits for the whole */
  complete?: boolean;
}

export function Tabs({ tabs, selected, onSelect, label, complete = true }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (all) {
      if (complete) document.body.dataset.complete = 'true';
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAll(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [all, complete]);

  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    const tab = next === null ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };

  return (
    <>
      <div class="tablist" role="tablist" aria-label={label} ref={list}>
        {tabs.map((tab, index) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              data-testid={`tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => move(event, index)}
            >
              {tab.label}
              {tab.count !== undefined && <span class="tab-count">{tab.count}</span>}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <section
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          data-testid={`section-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs pattern: a panel whose content may hold nothing focusable takes focus itself
          tabIndex={0}
          hidden={tab.id !== selected}
          class="panel"
        >
          {all || tab.id === selected ? tab.panel : null}
        </section>
      ))}
    </>
  );
}
