// Renders the first `cap` items and a "show all (N)" button: a 300-cookie list stays fast to open.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

interface Props<T> {
  items: readonly T[];
  cap: number;
  render: (item: T) => ComponentChildren;
  class?: string;
  testId?: string;
}

export function CappedList<T>({ items, cap, render, class: className, testId }: Props<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, cap);
  return (
    <>
      <ul class={className} data-testid={testId}>
        {shown.map(render)}
      </ul>
      {!all && items.length > cap && (
        <button type="button" class="show-all" data-testid="show-all" onClick={() => setAll(true)}>
          {t('showAll', items.length)}
        </button>
      )}
    </>
  );
}
