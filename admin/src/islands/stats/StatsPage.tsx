import { createEffect, createResource, createSignal, Match, Switch, type VoidComponent } from 'solid-js';
import FormError from '../../components/FormError';
import Pending from '../../components/Pending';
import { client, unwrap } from '../../lib/api';
import { queryParam } from '../../lib/format';
import { isDay, presetPeriod, type Period } from '../../lib/kpi-period';
import { requireSession } from '../../lib/session';
import { settled } from '../../lib/settled';
import { useI18n } from '../../lib/use-i18n';
import PeriodPicker from '../dashboard/PeriodPicker';
import LinkFiguresTable from './LinkFiguresTable';
import SourcesReport from './SourcesReport';
import '../../styles/dashboard.css';

export interface StatsPageProps {
  /** `/admin/contents/stats/?id=…` or `/admin/links/stats/?id=…`. */
  kind: 'content' | 'link';
}

type Target = { id: string; period: Period };

const loadContent = ({ id, period }: Target) => unwrap(client.api.v1.contents[':id'].stats.$get({ param: { id }, query: period }));
const loadLink = ({ id, period }: Target) => unwrap(client.api.v1.links[':id'].stats.$get({ param: { id }, query: period }));

/** The period in the address (`?from=&to=`), so a reload or a shared link shows the same days; else the last 30 days. */
function periodFromAddress(): Period {
  const from = queryParam('from') ?? '';
  const to = queryParam('to') ?? '';
  return isDay(from) && isDay(to) && from <= to ? { from, to } : presetPeriod('30');
}

function rememberPeriod(period: Period): void {
  const url = new URL(location.href);
  url.searchParams.set('from', period.from);
  url.searchParams.set('to', period.to);
  history.replaceState(history.state, '', url);
}

/** A content's or a link's stats page: period, tiles, daily chart, sources, and a content's links. */
const StatsPage: VoidComponent<StatsPageProps> = (props) => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, requireSession);
  const [target, setTarget] = createSignal<Target | undefined>();
  createEffect(() => {
    if (mounted() && !target()) setTarget({ id: queryParam('id') ?? '', period: periodFromAddress() });
  });
  const ready = () => (settled(me) && target()?.id ? target() : undefined);
  const [content] = createResource(() => props.kind === 'content' && ready(), loadContent);
  const [link] = createResource(() => props.kind === 'link' && ready(), loadLink);
  const choose = (period: Period) => {
    const current = target();
    if (current) setTarget({ ...current, period });
    rememberPeriod(period);
  };
  const periodQuery = () => {
    const period = target()?.period;
    return period ? `from=${period.from}&to=${period.to}` : '';
  };

  return (
    <Pending>
      <section class="panel dash" aria-busy={content.loading || link.loading}>
        <Switch fallback={<p class="meta">{t('state.loading')}</p>}>
          <Match when={target() && !target()?.id}>
            <p class="notice">{t('sources.missing')}</p>
          </Match>
          <Match when={content.error || link.error}>
            <FormError error={content.error ?? link.error} messages={{ not_found: t('sources.notFound') }} />
          </Match>
          <Match when={content.latest}>
            {(stats) => (
              <>
                <p>
                  <a href={`/admin/contents/edit/?id=${encodeURIComponent(stats().content.id)}`}>{t('sources.back.content')}</a>
                </p>
                <h2 data-testid="sources-subject">{t('sources.heading.content', { title: stats().content.title })}</h2>
                <PeriodPicker period={stats()} onChange={choose} />
                <SourcesReport stats={stats()} />
                <LinkFiguresTable stats={stats()} period={periodQuery()} />
              </>
            )}
          </Match>
          <Match when={link.latest}>
            {(stats) => (
              <>
                <p>
                  <a href={`/admin/contents/stats/?id=${encodeURIComponent(stats().link.contentId)}&${periodQuery()}`}>{t('sources.back.link')}</a>
                </p>
                <h2 data-testid="sources-subject">{t('sources.heading.link', { name: stats().link.ambassadorName, network: t(`network.${stats().link.network}`), title: stats().link.contentTitle })}</h2>
                <PeriodPicker period={stats()} onChange={choose} />
                <SourcesReport stats={stats()} />
              </>
            )}
          </Match>
        </Switch>
      </section>
    </Pending>
  );
};

export default StatsPage;
