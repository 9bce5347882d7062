import { Show, type VoidComponent } from 'solid-js';

export interface LinkPreviewCardProps {
  title: string | null;
  description: string | null;
  /** The image on our own origin (the API's `imagePath`), never the page's address. */
  imagePath: string | null;
}

/**
 * A page's preview card as a network would show it: image in a fixed 1.91:1 box (no layout shift while it
 * loads), title and description. The image is decorative: the card's text says what the page is.
 */
const LinkPreviewCard: VoidComponent<LinkPreviewCardProps> = (props) => (
  <div class="link-preview">
    <Show when={props.imagePath}>
      {(src) => (
        <div class="link-preview__image">
          <img src={src()} alt="" loading="lazy" decoding="async" width="1200" height="628" />
        </div>
      )}
    </Show>
    <div class="link-preview__text">
      <Show when={props.title}>{(title) => <p class="link-preview__title">{title()}</p>}</Show>
      <Show when={props.description}>{(description) => <p class="link-preview__description">{description()}</p>}</Show>
    </div>
  </div>
);

export default LinkPreviewCard;
