// Trackers grouped by company (collapsed), with the purpose chart on top.
import type { Report } from '../core/types.ts';
import { groupTrackers } from '../core/view/group-trackers.ts';
import type { TrackerEntry, TrackerGroup } from '../core/view/group-trackers.ts';
import { purposeKey } from '../core/view/labels.ts';
import { purposeCounts } from '../core/view/purpose-counts.ts';
import { formatNumber, t } from '../shared/i18n.ts';
import { CappedList } from './capped-list.tsx';
import { PurposeChart } from './purpose-chart.tsx';

function Tracker({ entry }: { entry: TrackerEntry }) {
  return (
    <li class="tracker" data-testid="tracker" data-key={entry.key}>
      <span class="tracker-name">{entry.name}</span>
      <span class={`badge purpose-${entry.purpose}`}>{t(purposeKey(entry.purpose))}</span>
      <span class="muted">{t('requests_count', formatNumber(entry.requests))}</span>
      <span class="sites muted">{entry.sites.join(', ')}</span>
      {entry.cloaked.map((c) => (
        <span key={`${c.host} ${c.cname}`} class="sites cloaked" data-testid="tracker-cloaked">
          {t('trackers_cloaked', c.host, c.cname)}
        </span>
      ))}
    </li>
  );
}

function Group({ group }: { group: TrackerGroup }) {
  return (
    <li class="card group" data-testid="tracker-group" data-company={group.company}>
      <details>
        <summary>
          <span class="company">{group.companyKnown ? group.company : t('trackers_unknownCompany', group.company)}</span>
          <span class="group-purposes">
            {group.purposes.map((p) => (
              <span key={p} class={`badge purpose-${p}`}>
                {t(purposeKey(p))}
              </span>
            ))}
          </span>
          <span class="muted">{t('trackers_groupCounts', formatNumber(group.trackers.length), formatNumber(group.requests))}</span>
        </summary>
        <ul class="plain">
          {group.trackers.map((entry) => (
            <Tracker key={entry.key} entry={entry} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function TrackersPanel({ report }: { report: Report }) {
  const groups = groupTrackers(report);
  return (
    <>
      <h2 class="panel-title">{t('tab_trackers')}</h2>
      {groups.length === 0 ? (
        <p class="empty">{t('trackers_none')}</p>
      ) : (
        <>
          <PurposeChart counts={purposeCounts(report)} />
          <CappedList items={groups} cap={30} class="cards" render={(group) => <Group key={group.company} group={group} />} />
        </>
      )}
    </>
  );
}
