// Where the app is mounted, and how it takes over a built page (src/built_site.rs). The app is
// made in its own element beside the built view, out of sight but laid out (so its charts have
// a size to be drawn at), and replaces the built view in one step once its own view is ready:
// a heading in its main content, nothing still loading, and every chart drawn (or an alert
// saying why not). Then `<html data-app="live">` says the app is running, for people's tools
// and for the tests. (A built page whose address adds choices shows its frame and a loading
// line meanwhile: style/main.css.) A page that is not built shows the app at once.

export function appElement() {
  const app = document.createElement('div');
  app.id = 'app';
  const built = document.getElementById('built');
  const root = document.documentElement;
  if (built) app.className = 'app-arriving';
  document.body.append(app);
  const observer = new MutationObserver(() => {
    if (!ready(app)) return;
    observer.disconnect();
    if (built) takeOver(app, built);
    root.dataset.app = 'live';
  });
  observer.observe(app, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  return app;
}

function ready(app) {
  const main = app.querySelector('main');
  if (!main || !main.querySelector('h1, .alert')) return false;
  if (main.querySelector('.loading')) return false;
  return [...main.querySelectorAll('.chart')].every((chart) => chart.querySelector('canvas'))
    || main.querySelector('.alert') !== null;
}

// The built view goes and the app's takes its place, with focus kept on the same control
// where the app has it (same id, or the link to the same address).
function takeOver(app, built) {
  const focused = built.contains(document.activeElement) ? document.activeElement : null;
  for (const chart of built.querySelectorAll('[data-option]')) globalThis.echarts?.getInstanceByDom(chart)?.dispose();
  built.remove();
  app.classList.remove('app-arriving');
  if (!focused) return;
  const href = focused.getAttribute('href');
  const same = (focused.id && document.getElementById(focused.id))
    || (href && [...app.querySelectorAll('a[href]')].find((a) => a.href === focused.href));
  same?.focus();
}
