// The popup: loading, error and empty states, then the header and the tabbed sections of one report.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Report } from '../core/types.ts';
import type { PopupView } from '../core/view/popup-params.ts';
import { t } from '../shared/i18n.ts';
import { AboutPanel } from './about-panel.tsx';
import { CookiesPanel } from './cookies-panel.tsx';
import { DeclaredPanel } from './declared-panel.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { Header } from './header.tsx';
import { LogsPanel } from './logs-panel.tsx';
import type { TabSpec } from './tabs.tsx';
import { Tabs } from './tabs.tsx';
import { TrackersPanel } from './trackers-panel.tsx';

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'empty' }
  /**
   * `evidenceCounts` present: the report's head only (core/view/report-head.ts: no observation lists, no evidence
   * items); the sections that list observations wait for the whole report
   */
  | { status: 'report'; report: Report; evidenceCounts?: readonly number[] };

export interface AppProps {
  state: PopupState;
  version: string;
  initialView: PopupView;
  /** fetch the report again (error state: retry; report state: refresh) */
  onRetry: () => void;
  onOpenOptions?: (() => void) | undefined;
  onDownload?: ((report: Report) => void) | undefined;
}

function Status({ kind, children }: { kind: string; children: ComponentChildren }) {
  return (
    <div class={`status status-${kind}`} data-testid={`state-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function App({ state, version, initialView, onRetry, onOpenOptions, onDownload }: AppProps) {
  const [view, setView] = useState<string>(initialView);
  if (state.status === 'loading') {
    return (
      <main class="app" aria-busy="true">
        <h1 class="sr-only">{t('popup_title')}</h1>
        <Status kind="loading">{t('state_loading')}</Status>
      </main>
    );
  }
  if (state.status !== 'report') {
    return (
      <main class="app">
        {state.status === 'error' ? (
          <Status kind="error">
            <h1 class="site">{t('state_errorTitle')}</h1>
            <p>{t('state_error')}</p>
            <p>
              <code class="value">{state.message}</code>
            </p>
            <button type="button" onClick={onRetry}>
              {t('state_retry')}
            </button>
          </Status>
        ) : (
          <Status kind="empty">
            <h1 class="site">{t('state_emptyTitle')}</h1>
            <p>{t('state_empty')}</p>
          </Status>
        )}
        <AboutPanel report={null} version={version} />
      </main>
    );
  }
  const { report } = state;
  const partial = state.evidenceCounts !== undefined;
  /** a section that lists observations: a loading line until the whole report is in */
  const whole = (panel: ComponentChildren) => (partial ? <Status kind="loading">{t('state_loading')}</Status> : panel);
  const tabs: TabSpec[] = [
    { id: 'findings', label: t('tab_findings'), count: report.findings.length, panel: <FindingsPanel report={report} evidenceCounts={state.evidenceCounts} /> },
    { id: 'trackers', label: t('tab_trackers'), count: report.summary.trackers, panel: whole(<TrackersPanel report={report} />) },
    { id: 'cookies', label: t('tab_cookies'), count: report.summary.cookies, panel: whole(<CookiesPanel report={report} />) },
    { id: 'logs', label: t('tab_logs'), panel: whole(<LogsPanel report={report} />) },
    { id: 'declared', label: t('tab_declared'), panel: <DeclaredPanel report={report} onOpenOptions={onOpenOptions} /> },
    {
      id: 'about',
      label: t('tab_about'),
      panel: whole(<AboutPanel report={report} version={version} onDownload={onDownload && (() => onDownload(report))} />),
    },
  ];
  return (
    <main class="app" data-testid="report">
      <Header report={report} onRefresh={onRetry} />
      <Tabs tabs={tabs} selected={view} onSelect={setView} label={t('sections')} complete={!partial} />
    </main>
  );
}
