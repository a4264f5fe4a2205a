// A <details> whose content is rendered only once opened: a recipient's example requests or a source's raw
// detail cost nothing until someone asks for them.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  summary: ComponentChildren;
  class?: string;
  children: () => ComponentChildren;
}

export function LazyDetails({ summary, class: className, children }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <details class={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
