import { createSignal, For, Show, type VoidComponent } from 'solid-js';
import { formatDate, formatNumber } from '../../lib/format';
import type { MeKey } from '../../lib/i18n-me';
import type { MyShare } from '../../lib/me-types';
import { useMeI18n } from '../../lib/i18n-me';
import PostedButton from './PostedButton';
import ReportForm, { METRICS } from './ReportForm';

export interface PostCardProps {
  post: MyShare;
  onReported: () => void;
}

/** One post: what it brought, what was reported, and the disclosure to report its numbers. */
const PostCard: VoidComponent<PostCardProps> = (props) => {
  const { t, lang } = useMeI18n();
  const [post, setPost] = createSignal(props.post);
  const [open, setOpen] = createSignal(false);
  const idBase = `post-${props.post.id}`;
  const n = (value: number) => formatNumber(value, lang(), 0);
  const networkName = () => t(`network.${post().network}`);
  const estimated = () => post().stats.reachEstimated > 0 && post().metrics.impressions === null;
  const reported = () =>
    METRICS.flatMap((name) => {
      const value = post().metrics[name];
      return value === null ? [] : [t('me.pair', { label: t(`me.posts.${name}`), value: n(value) })];
    }).join(' · ');
  /** Label, value and what to say after it. */
  const stats = (): [MeKey, number, string][] => [
    ['me.results.clicks', post().stats.clicks, ''],
    ['me.results.visitors', post().stats.uniqueVisitors, ''],
    ['me.results.conversions', post().stats.conversions, ''],
    ['me.results.reach', post().stats.reach, estimated() ? ` ${t('me.posts.estimated')}` : ''],
    ['me.results.engagements', post().stats.engagements, ''],
  ];

  return (
    <li>
      <article class="me-card me-post" aria-labelledby={`${idBase}-title ${idBase}-meta`}>
        <h3 id={`${idBase}-title`}>{post().contentTitle}</h3>
        <p id={`${idBase}-meta`} class="meta">
          {networkName()} · {formatDate(post().createdAt, lang())}
        </p>
        <p class="me-post-link">
          <span class="meta">{t('me.posts.link')}</span> {post().link.shortUrl}
        </p>
        <dl class="me-post-stats">
          <For each={stats()}>
            {([label, value, note]) => (
              <div>
                <dt>{t(label)}</dt>
                <dd>
                  {n(value)}
                  {note}
                </dd>
              </div>
            )}
          </For>
        </dl>
        <Show when={props.post.postedAt === null}>
          <PostedButton
            shareId={props.post.id}
            postedAt={post().postedAt}
            context={`${post().contentTitle}, ${networkName()}`}
            onPosted={(confirmed) => {
              setPost(confirmed);
              props.onReported();
            }}
          />
        </Show>
        <p class="meta">{post().metrics.reportedAt ? t('me.posts.reported', { date: formatDate(post().metrics.reportedAt, lang()), numbers: reported() }) : t('me.posts.notReported')}</p>
        <button type="button" class="button button--wide" aria-expanded={open()} aria-controls={`${idBase}-report`} onClick={() => setOpen(!open())}>
          {t('me.posts.report')}
          <span class="visually-hidden">
            {' '}
            ({post().contentTitle}, {networkName()})
          </span>
        </button>
        <div id={`${idBase}-report`} hidden={!open()}>
          <ReportForm post={post()} idBase={idBase} onChange={setPost} onReported={props.onReported} />
        </div>
      </article>
    </li>
  );
};

export default PostCard;
