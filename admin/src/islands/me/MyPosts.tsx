import { For, type VoidComponent } from 'solid-js';
import ListState from '../../components/ListState';
import LoadMore from '../../components/LoadMore';
import { client } from '../../lib/api';
import { meCall } from '../../lib/me-api';
import { createPagedList } from '../../lib/paged';
import { useMeI18n } from '../../lib/i18n-me';
import PostCard from './PostCard';

/** One page of the ambassador's posts, newest first. */
const fetchPosts = (cursor?: string) => meCall(client.api.v1.me.shares.$get({ query: { cursor } }));

export interface MyPostsProps {
  /** Called after numbers were saved, so the page's totals can be read again. */
  onReported: () => void;
}

/** "My posts": every post, newest first, with its results and a form to report the numbers read off it. */
const MyPosts: VoidComponent<MyPostsProps> = (props) => {
  const { t, mounted } = useMeI18n();
  const list = createPagedList(mounted, (_, cursor) => fetchPosts(cursor));
  return (
    <section aria-labelledby="my-posts">
      <h2 id="my-posts">{t('me.posts.title')}</h2>
      <p class="hint">{t('me.posts.intro')}</p>
      <ListState list={list} emptyState={<p>{t('me.posts.empty')}</p>}>
        <ul class="me-posts">
          <For each={list.items()}>{(post) => <PostCard post={post} onReported={props.onReported} />}</For>
        </ul>
        <LoadMore list={list} />
      </ListState>
    </section>
  );
};

export default MyPosts;
