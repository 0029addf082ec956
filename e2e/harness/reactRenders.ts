import type { Page } from '@playwright/test';
import { READY_SELECTOR } from './appSession.js';

/**
 * Runs in the page before React (page.addInitScript): a stand-in for the React DevTools hook that React calls on every
 * commit, in production builds too. It records the components that rendered in each commit, by name, with a flag
 * for whether they sit inside the element matched by `inside` (the editor). Nothing of it ships in the app.
 */
function installRenderRecorder(): void {
  type Fiber = { type: unknown; flags: number; memoizedProps: unknown; memoizedState: unknown; child: Fiber | null; sibling: Fiber | null; stateNode: unknown; return: Fiber | null; alternate: Fiber | null };
  const renders: string[] = [];
  const nameOf = (fiber: Fiber) => {
    const type = fiber.type as { displayName?: string; name?: string; type?: { name?: string }; render?: { name?: string } } | string | null;
    if (!type || typeof type === 'string') return null;
    return type.displayName || type.name || type.type?.name || type.render?.name || null;
  };
  const hostOf = (fiber: Fiber): Element | null => {
    for (let node: Fiber | null = fiber; node; node = node.child) if (node.stateNode instanceof Element) return node.stateNode;
    for (let node: Fiber | null = fiber.return; node; node = node.return) if (node.stateNode instanceof Element) return node.stateNode;
    return null;
  };
  const PERFORMED_WORK = 1;
  const hook = {
    renderers: new Map(),
    supportsFiber: true,
    inject: (renderer: unknown) => (hook.renderers.set(hook.renderers.size + 1, renderer), hook.renderers.size),
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      // Like React DevTools: descend only where the children are new objects (cloned or mounted in this commit);
      // a cloned component rendered if it performed work with new props or state, a new one by mounting.
      const walk = (fiber: Fiber | null) => {
        for (let node = fiber; node; node = node.sibling) {
          const name = nameOf(node);
          const previous = node.alternate;
          const rendered = !previous || (node.flags & PERFORMED_WORK && (node.memoizedProps !== previous.memoizedProps || node.memoizedState !== previous.memoizedState));
          if (name && rendered) {
            const host = hostOf(node);
            const where = (window as unknown as { __renderScope?: string }).__renderScope;
            // Production builds shorten component names: the element a component renders says which one it is.
            const element = host ? host.getAttribute('data-testid') || host.getAttribute('aria-label') || host.className || host.tagName.toLowerCase() : '';
            renders.push(`${name} <${element}>${where && host?.closest(where) ? ' (inside)' : ''}`);
          }
          if (!previous || node.child !== previous.child) walk(node.child);
        }
      };
      walk(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', { value: hook });
  Object.defineProperty(window, '__reactRenders', { value: renders });
}

/**
 * Reloads the app with a recorder of React renders (see installRenderRecorder); `scope` is the selector of the part of
 * the window whose components may render (they are recorded as "Name (inside)").
 */
export async function recordReactRenders(page: Page, scope: string): Promise<void> {
  await page.context().addInitScript(installRenderRecorder);
  await page.reload();
  await page.waitForSelector(READY_SELECTOR);
  await page.evaluate((selector) => Object.assign(window, { __renderScope: selector }), scope);
}

/**
 * The components that rendered since the last call, as "Name <element>" (the data-testid, aria-label or class of the
 * first element it renders; names are shortened in production builds), with " (inside)" for those inside the scope.
 */
export function takeReactRenders(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __reactRenders: string[] }).__reactRenders.splice(0));
}
