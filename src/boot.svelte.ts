/**
 * The app's start-up, in one place (the presenter window starts in presenter.ts): read the
 * address, make the app's parts, mount the app, then — once the map's element exists —
 * create the map, open what a deep link asks for, connect the presenter channel and the
 * test hook, and keep the map and the address in step with the state.
 */
import { mount, untrack } from 'svelte';
import App from './App.svelte';
import { AppState } from './lib/state/app.svelte.ts';
import { Actions } from './lib/state/actions.ts';
import { TourState, type TourStage } from './lib/state/tour.svelte.ts';
import { appContext, type AppContext } from './lib/state/context.ts';
import { readUrl, urlStateOf, writeUrl } from './lib/state/location.ts';
import { MapServices } from './lib/map/services.ts';
import type { UrlState } from './lib/url.ts';
import { ToolsRef } from './lib/tools/lazy.svelte.ts';
import { mainLayers } from './lib/tools/registry.ts';
import { ImportsRef } from './lib/import/lazy.svelte.ts';
import { must } from './lib/must.ts';
import { BRIEFING_MIN_WIDTH, reducedMotion } from './lib/ui/layout.ts';
import { FATAL } from './lib/map/archive.ts';
import { registerOffline } from './offline/register.ts';
import { warmUp } from './lib/warm-up.ts';
import { UI } from './lib/i18n.ts';
import { reportStorage } from './lib/state/storage.svelte.ts';
import { framed } from './lib/state/flags.ts';
import { applyPageMeta, pageMeta } from './lib/state/page-meta.ts';

export function boot(target: HTMLElement): void {
  const url = readUrl();
  // An embedded map shows the view, places, task and tour of its address: never a tool or the matrix (it has neither).
  if (url.embed) {
    delete url.state.tool;
    delete url.state.measure;
    delete url.state.near;
    delete url.state.matrix;
  }
  const app = new AppState();
  app.restore(url.state);
  const map = new MapServices();
  const actions = new Actions(app, map);
  const stage: TourStage = {
    highlight: (ids) => map.selection.highlight(ids),
    flyTo: (camera, bbox, animate, clearLabels, swipe) =>
      map.core.camera.flyTo(camera, bbox, animate, clearLabels, swipe),
    setAnnotations: (list) => map.drawing.setAnnotations(list),
    setDrawing: (on) => map.drawing.setDrawing(on),
    snapshot: () => map.core.snapshot(),
  };
  const ctx: AppContext = {
    app,
    map,
    actions,
    tour: new TourState(app, stage, actions, { keeps: !url.embed }),
    tools: new ToolsRef(app, map),
    imports: new ImportsRef(map.core),
    e2e: url.e2e,
    embed: url.embed,
  };
  // A link with a view keeps it; a link without one shows its query whole.
  ctx.tools.fitNext = !url.state.view;
  mount(App, { target, context: appContext(ctx), props: { onmap: (el: HTMLElement) => startMap(ctx, el, url.state) } });
}

/** Creates the map in `el` and connects everything to it; returns the cleanup. */
function startMap(
  { app, map, actions, tour, tools, imports, e2e, embed }: AppContext,
  el: HTMLElement,
  start: UrlState,
): () => void {
  // The build-time overview stays under the map until the map is drawn (or for good, without WebGL).
  const overview = document.getElementById('overview');
  const host = must(el.parentElement, "the map element's container");
  if (overview) {
    overview.classList.add('in-map');
    host.prepend(overview);
  }
  // An embedded map's page is a small frame: its card may leave less of the map above it (app.css).
  document.documentElement.classList.toggle('embed', embed);
  const ok = map.core.create(el, {
    lang: app.lang,
    visible: app.visible,
    view: start.view ?? null,
    events: {
      onClick: (point) => {
        if (map.drawing.on || tools.onClick(point)) return;
        // The planner's own features are on top: their card first.
        const own = imports.featureAt(point);
        void imports.pick(own);
        if (own) {
          void actions.selectFeature(null, false);
          return;
        }
        const id = map.selection.hitAt(point);
        void actions.selectFeature(id, false);
        if (id) map.core.camera.keepAboveSheet(point);
      },
      onView: (v) => app.setView(v),
      onArchive: (p) => {
        app.reportArchive(p);
        // Without the tile archive the map has nothing to draw: the overview stays, on top.
        if (p.kind !== 'recovered' && FATAL.has(p.kind) && overview) {
          overview.classList.add('nodata');
          if (!overview.isConnected) host.prepend(overview);
        }
      },
      onIdle: () => {
        offline();
        warmUp();
        if (!overview || overview.classList.contains('nodata')) return;
        overview.classList.add('gone');
        setTimeout(() => {
          if (!overview.classList.contains('nodata')) overview.remove();
        }, 350);
      },
    },
  });
  const m = map.core.map;
  // The service worker starts once the map is drawn (or at once without one): its downloads
  // must not compete with the first view.
  let registered = false;
  // Not inside another site's page: the full map's first visit makes the map work offline.
  function offline() {
    if (registered) return;
    registered = true;
    if (embed || framed()) {
      performance.mark('offline:not-in-frame');
      return;
    }
    void registerOffline({
      ready: () => app.flash(UI.offlineReady[app.lang]),
      update: (apply) => {
        app.update = apply;
      },
    }).catch((e) => console.warn('service worker', e));
  }
  if (!ok || !m) {
    overview?.classList.add('nowebgl');
    offline();
  } else {
    if (e2e) (window as unknown as { __map: unknown }).__map = m;
    map.selection.attach(m, () => !map.drawing.on && !tools.measuring && !tools.picking);
    tools.setMap(m);
    m.once('load', () => {
      // The planner's own layers are the full map's: an embedded map opens no store of its own.
      if (!embed) void imports.attach().catch(reportStorage);
      app.setView(map.core.camera.view());
      const fit = !start.view;
      if (start.task) void actions.openTask(start.task, fit && !start.selected);
      else if (start.target) void actions.openTarget(start.target, fit && !start.selected);
      // a link's own view is kept, but on a phone its selected place is brought above the card
      if (start.selected)
        void actions.selectFeature(start.selected, fit).then(() => {
          if (!fit && app.details) map.core.camera.keepBoxAboveSheet(app.details.bbox);
        });
      if (start.matrix) void actions.ensurePlan();
      if (start.tour) void tour.start(start.tour, (start.step ?? 1) - 1, { animate: false });
    });
    map.drawing.attach({
      tool: () => tour.tool,
      onDone: (a) => void tour.addAnnotation(a),
      step: () => tour.step?.id ?? '',
    });
  }
  // The presenter's channel is the full map's: an embedded map (or the share dialog's preview) neither follows nor steers other tabs.
  if (!embed) tour.connect((msg) => tour.follow(msg));
  const onKey = (e: KeyboardEvent) => {
    // a dialog (分享) takes its own keys: Esc closes it, not the card or the tool behind it
    if (tour.tour || (e.target instanceof Element && e.target.closest('dialog[open]'))) return;
    const typing =
      e.target instanceof HTMLElement && (e.target.matches('input, textarea, select') || e.target.isContentEditable);
    // Measuring: Enter ends, Backspace takes back the last point, Esc drops the measurement.
    const t = tools.current;
    if (t?.measuring && !typing && app.measure && !app.measure.done) {
      if (e.key === 'Enter') {
        t.finish();
        e.preventDefault();
        return;
      }
      if (e.key === 'Backspace') {
        t.undo();
        e.preventDefault();
        return;
      }
      if (e.key === 'Escape') {
        t.clear();
        return;
      }
    }
    if (e.key !== 'Escape') return;
    if (t?.picking) t.picking = false;
    else if (app.matrixOpen) actions.toggleMatrix(false);
    else if (app.selected) void actions.selectFeature(null, false);
    else if (app.tool) actions.openTool(null);
    else actions.clearPin();
  };
  addEventListener('keydown', onKey);
  const stopEffects = $effect.root(() => {
    // State → map. Comparing, the main map shows the right-hand set (the left is a map of its own).
    $effect(() => map.core.setVisible(mainLayers(app)));
    // The tools' code loads with the first tool (or a measurement or query in the address); it brings its own effects.
    $effect(() => {
      if (app.tool || app.measure || app.near) void tools.load();
    });
    // A briefing on a big screen (a projector): every label larger, to be read from the back of the room.
    $effect(() => {
      const on = !!tour.tour && innerWidth >= BRIEFING_MIN_WIDTH;
      untrack(() => map.core.setBriefing(on)); // (it reads the briefing it sets)
    });
    // An imported feature's card that opens comes in front of the sheet or a tool (app.front; a
    // plan place's: actions.selectFeature). Picked again, it is a new object: in front again.
    $effect(() => {
      if (imports.picked) untrack(() => app.cardInFront());
    });
    // Phone: a sheet that opens, closes or changes height keeps what the map fitted to in view.
    $effect(() => {
      void app.sheet;
      void app.front;
      void app.sheetSize;
      void app.details;
      void app.tool;
      const t = setTimeout(() => map.core.camera.followSheet(), reducedMotion() ? 30 : 260);
      return () => clearTimeout(t);
    });
    $effect(() => {
      map.core.setLang(app.lang);
      document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
    });
    // The page's title and description say what it shows (a shared link, a bookmark, a tab).
    $effect(() => {
      const lang = app.lang;
      const task = app.task ? app.plan?.tasks.find((t) => t.number === app.task) : null;
      const step = tour.step;
      applyPageMeta(
        pageMeta({
          lang,
          task: task ? { number: task.number, title: lang === 'zh' ? task.title_zh : task.title_en } : null,
          tour: tour.tour && step ? { title: tour.tour.title[lang], step: step.title[lang] } : null,
          place: app.details ? (lang === 'zh' ? app.details.name_zh : app.details.name_en) : null,
        }),
        lang,
      );
    });
    // State → address (the one place the hash is written).
    $effect(() => writeUrl(urlStateOf(app, tour)));
  });
  return () => {
    removeEventListener('keydown', onKey);
    stopEffects();
    tools.stop();
  };
}
