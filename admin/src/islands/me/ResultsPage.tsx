import { createResource, createSignal, For, lazy, Show, Suspense, type VoidComponent } from 'solid-js';
import { client } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { meWords, useMeI18n, type MeKey } from '../../lib/i18n-me';
import { meCall } from '../../lib/me-api';
import type { Badge, MyStats } from '../../lib/me-types';
import MeError from './MeError';
import MyPosts from './MyPosts';
import { settled } from '../../lib/settled';
import Pending from '../../components/Pending';

/** The chart's component with its table, loaded after the page's first script (this page's budget, bench/README.md). */
const DailyChart = lazy(() => import('../../components/DailyChart'));

/** Clicks per day as a line with labelled axes, and the same numbers as a table (components/DailyChart). */
const ClicksChart: VoidComponent<{ days: MyStats['byDay'] }> = (props) => {
  const { t, lang } = useMeI18n();
  return (
    <DailyChart
      class="me-chart"
      days={props.days.map((d) => d.day)}
      series={[{ label: t('me.results.chartValue'), color: '#0b57d0', values: props.days.map((d) => d.clicks) }]}
      lang={lang()}
      text={{ day: t('me.results.chartDay'), value: t('me.results.chartValue'), caption: t('me.results.chart'), loading: t('state.loading') }}
    />
  );
};

/** Own results (totals, per day), each post with its numbers to report, badges, and the opt-in leaderboard. */
const ResultsPage: VoidComponent = () => {
  const { t, lang, mounted } = useMeI18n();
  const [stats, { refetch: refetchStats }] = createResource(mounted, () => meCall(client.api.v1.me.stats.$get({ query: {} })));
  const [badges] = createResource(mounted, () => meCall(client.api.v1.me.badges.$get()));
  const [me, { mutate: setMe }] = createResource(mounted, () => meCall(client.api.v1.me.$get()));
  const [board, { refetch: refetchBoard }] = createResource(
    () => settled(me)?.leaderboardOptIn === true,
    () => meCall(client.api.v1.leaderboard.$get({ query: {} })),
  );
  const [saving, setSaving] = createSignal(false);
  const [saveError, setSaveError] = createSignal<unknown>(null);

  const toggle = async (optIn: boolean) => {
    setSaving(true);
    setSaveError(null);
    try {
      setMe(await meCall(client.api.v1.me.$patch({ json: { leaderboardOptIn: optIn } })));
      if (optIn) void refetchBoard();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const n = (value: number) => formatNumber(value, lang(), 0);
  const pair = (label: MeKey, value: number) => t('me.pair', { label: t(label), value: n(value) });
  /** The badge's name and rule in the page's language; the API's (English) words for a badge this page does not know. */
  const badgeText = (badge: Badge, part: 'name' | 'rule') => {
    const key = part === 'name' ? `me.badge.${badge.code}` : `me.badge.${badge.code}.rule`;
    return meWords.has(key) ? t(key) : badge[part];
  };

  return (
    <Pending>
      <>
        <Show when={!stats.error} fallback={<MeError error={stats.error} />}>
          <Show when={stats()} fallback={<p class="loading">{t('state.loading')}</p>}>
            {(s) => (
              <>
                <p class="meta">{t('me.results.period', { from: formatDate(s().from, lang()), to: formatDate(s().to, lang()) })}</p>
                <dl class="me-totals">
                  <div>
                    <dt>{t('me.results.clicks')}</dt>
                    <dd>{n(s().totals.clicks)}</dd>
                  </div>
                  <div>
                    <dt>{t('me.results.visitors')}</dt>
                    <dd>{n(s().totals.uniqueVisitors)}</dd>
                  </div>
                  <div>
                    <dt>{t('me.results.conversions')}</dt>
                    <dd>{n(s().totals.conversions)}</dd>
                  </div>
                  <div>
                    <dt>{t('me.results.shares')}</dt>
                    <dd>{n(s().totals.shares)}</dd>
                  </div>
                  <div>
                    <dt>{t('me.results.reach')}</dt>
                    <dd>{n(s().totals.reach)}</dd>
                  </div>
                  <div>
                    <dt>{t('me.results.engagements')}</dt>
                    <dd>{n(s().totals.engagements)}</dd>
                  </div>
                </dl>
                <section class="me-card" aria-labelledby="chart-title">
                  <h2 id="chart-title">{t('me.results.chart')}</h2>
                  <p class="meta">{t('me.results.chartSummary', { clicks: n(s().totals.clicks), max: n(Math.max(0, ...s().byDay.map((d) => d.clicks))) })}</p>
                  <div class="me-chart-slot">
                    {/* Its own boundary: the chart's chunk loading must not suspend the whole page (Astro's <Suspense>). */}
                    <Suspense fallback={<p class="meta">{t('state.loading')}</p>}>
                      <ClicksChart days={s().byDay} />
                    </Suspense>
                  </div>
                </section>
              </>
            )}
          </Show>
        </Show>

        <MyPosts
          onReported={() => {
            void refetchStats();
            // Engagements count in the ranking too.
            void refetchBoard();
          }}
        />

        <section aria-labelledby="badges-title">
          <h2 id="badges-title">{t('me.badges.title')}</h2>
          <Show when={badges()} fallback={<Show when={badges.error} fallback={<p class="loading">{t('state.loading')}</p>}><MeError error={badges.error} /></Show>}>
            {(b) => (
              <ul class="me-badges">
                <For each={b().items}>
                  {(badge) => (
                    <li class="me-badge" classList={{ 'me-badge--earned': badge.earned }}>
                      <strong>{badgeText(badge, 'name')}</strong>
                      <span class="hint">{badgeText(badge, 'rule')}</span>
                      <span>{badge.earned ? t('me.badges.earned', { date: formatDate(badge.earnedOn, lang()) }) : t('me.badges.progress', { current: n(badge.progress.current), target: n(badge.progress.target) })}</span>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Show>
        </section>

        <section aria-labelledby="board-title">
          <h2 id="board-title">{t('me.board.title')}</h2>
          <Show when={me()}>
            {(profile) => (
              <>
                <div class="checkbox checkbox--described">
                  <input id="optin" type="checkbox" checked={profile().leaderboardOptIn} disabled={saving()} aria-describedby="optin-hint" onChange={(e) => void toggle(e.currentTarget.checked)} />
                  <label for="optin">{t('me.board.optIn')}</label>
                  <p id="optin-hint" class="hint">
                    {t('me.board.optInHint')}
                  </p>
                </div>
                <div aria-live="polite">
                  <Show when={saveError()}>
                    <MeError error={saveError()} />
                  </Show>
                </div>
                <Show when={profile().leaderboardOptIn} fallback={<p class="meta">{t('me.board.hidden')}</p>}>
                  <Show when={board()} fallback={<Show when={board.error} fallback={<p class="loading">{t('state.loading')}</p>}><MeError error={board.error} /></Show>}>
                    {(l) => (
                      <Show when={l().items.length > 0} fallback={<p class="empty-state">{t('me.board.empty')}</p>}>
                        <ol class="me-board">
                          <For each={l().items}>
                            {(row) => (
                              <li classList={{ 'me-board--me': row.me }}>
                                <span class="me-rank">
                                  <span class="visually-hidden">{t('me.board.rank')} </span>
                                  {row.rank}
                                </span>
                                <span>
                                  {row.displayName} {row.me ? t('me.board.you') : ''}
                                </span>
                                {row.conversions !== null && row.uniqueVisitors !== null ? (
                                  <span class="meta">
                                    {pair('me.results.conversions', row.conversions)} · {pair('me.results.visitors', row.uniqueVisitors)}
                                  </span>
                                ) : null}
                              </li>
                            )}
                          </For>
                        </ol>
                      </Show>
                    )}
                  </Show>
                </Show>
              </>
            )}
          </Show>
        </section>
      </>
    </Pending>
  );
};

export default ResultsPage;
