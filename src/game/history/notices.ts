import type { ProgressStorage } from '../storage/index.ts';
import { h } from '../ui/dom.ts';

/**
 * The storage notices (damaged data, no storage, full storage) in one bar the
 * learner can dismiss: one per page (`PageProgress.notices`), so a screen that
 * shows them again replaces the bar rather than adding a second.
 */
export class NoticeBar {
  private shown: HTMLElement | null = null;
  private readonly subscribed = new WeakSet<ProgressStorage>();

  show(storage: ProgressStorage): void {
    if (!this.subscribed.has(storage)) {
      this.subscribed.add(storage);
      storage.subscribe(() => this.render(storage));
    }
    this.render(storage);
  }

  private render(storage: ProgressStorage): void {
    this.shown?.remove();
    this.shown = null;
    if (storage.notices.length === 0) return;
    const list = h('div', { class: 'storage-notices', role: 'status', 'data-testid': 'storage-notices' });
    for (const notice of storage.notices) {
      const dismiss = h(
        'button',
        { type: 'button', class: 'button ghost', 'aria-label': 'Dismiss this message' },
        '×',
      );
      dismiss.addEventListener('click', () => storage.dismissNotice(notice));
      list.append(
        h(
          'div',
          { class: `storage-notice ${notice.kind}`, 'data-code': notice.code },
          h('p', {}, notice.text),
          dismiss,
        ),
      );
    }
    document.body.append(list);
    this.shown = list;
  }
}
