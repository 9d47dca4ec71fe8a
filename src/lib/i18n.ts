/** UI strings, Chinese first. Feature names come from the data (name_zh / name_en). */
import type { Lang, Text } from '../contracts/vocab.ts';
import type { ArchiveProblem } from './map/archive.ts';

export type { Lang, Text } from '../contracts/vocab.ts';

export const UI = {
  title: {
    zh: '呼伦贝尔市新型城镇化“一核两极多点”规划图',
    en: 'Hulunbuir urbanization plan: one core, two poles, many points',
  },
  /** a phone's title: the line under it says what 一核两极多点 is */
  titleShort: { zh: '呼伦贝尔市新型城镇化规划图', en: 'Hulunbuir urbanization plan' },
  subtitle: { zh: '呼政办发〔2022〕54号', en: 'Hulunbuir Government Office document No. 54 (2022)' },
  /** the page's description (index.html's meta description is the Chinese; link previews) */
  description: {
    zh: '呼伦贝尔市加快推进新型城镇化和城乡融合发展实施方案（呼政办发〔2022〕54号）“一核两极多点”规划图',
    en: "Map of Hulunbuir's 2022 plan for new urbanization and urban-rural integration (document No. 54): one core, two poles, many points",
  },
  /** the embedded map's link to the whole app (a new tab, the same view) */
  openFull: { zh: '打开完整地图', en: 'Open the full map' },
  openFullShort: { zh: '完整地图', en: 'Full map' },
  layers: { zh: '图层', en: 'Layers' },
  legend: { zh: '图例', en: 'Legend' },
  share: { zh: '分享', en: 'Share' },
  copied: { zh: '链接已复制', en: 'Link copied' },
  copyFailed: { zh: '无法复制，请手动复制地址栏', en: 'Could not copy: copy the address bar' },
  language: { zh: 'English', en: '中文' },
  /** the language button in a narrow embedded map */
  languageShort: { zh: 'EN', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  close: { zh: '关闭', en: 'Close' },
  hidden: { zh: '已隐藏', en: 'hidden' },
  loadError: { zh: '无法加载数据：', en: 'Could not load data: ' },
  loadErrorRest: { zh: '其余图层照常显示。', en: 'The other layers still work.' },
  loadErrorMap: {
    zh: '下方为规划总览；规划任务、发展目标和搜索照常可用。',
    en: 'Below is an overview of the plan; tasks, targets and search still work.',
  },
  resetView: { zh: '全市视图', en: 'Whole city' },
  reload: { zh: '重新加载', en: 'Reload' },
  sheetHandle: { zh: '调整面板高度', en: 'Resize the panel' },
  storageUnavailable: {
    zh: '本浏览器不能保存您的数据（隐私模式或存储被禁用）：批注、导入的图层和设置仅在本次访问中保留，刷新后将丢失。',
    en: 'This browser cannot keep your work (private mode, or storage is blocked): annotations, imported layers and settings last for this visit only and are lost on reload.',
  },
  storageFull: {
    zh: '浏览器存储空间已满：新的批注和导入的图层无法保存，刷新后将丢失。请移除不需要的导入图层，或清理浏览器存储。',
    en: "The browser's storage is full: new annotations and imported layers cannot be kept and will be lost on reload. Remove imported layers you no longer need, or clear the browser's storage.",
  },
  offlineReady: { zh: '地图已可离线使用', en: 'The map now works offline' },
  /** a presenter's own tour: a quote they edited is their wording, not the plan's (played and printed so) */
  presenterWording: { zh: '讲者摘述', en: 'Presenter’s wording' },
  updateReady: { zh: '地图有新版本。', en: 'A new version of the map is ready.' },
  applyUpdate: { zh: '更新', en: 'Update' },
  openPanel: { zh: '图层与规划', en: 'Layers & plan' },
  tools: { zh: '工具', en: 'Tools' },
  myData: { zh: '我的数据', en: 'My data' },
} satisfies Record<string, Text>;

/** The archive reader's details (map/archive.ts writes them in English) as Chinese words. */
function detailZh(d: string): string {
  const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^(\d+) of (\d+) bytes(?: at \d+)?$/, (m) => `只有 ${m[1]} / ${m[2]} 字节`],
    [/^(\d+) bytes, read at (\d+)$/, (m) => `只有 ${m[1]} 字节，读取位置 ${m[2]}`],
    [/^HTTP 416 for bytes (.+)$/, (m) => `服务器回答 HTTP 416：字节 ${m[1]} 超出文件`],
    [/^not a PMTiles archive \(wrong magic number\)$/, () => '不是 PMTiles 文件，文件头标识不符'],
    [/^the server ignores Range and the file is (.+)$/, (m) => `服务器不支持分段读取，文件有 ${m[1]}`],
  ];
  for (const [re, zh] of RULES) {
    const m = re.exec(d);
    if (m) return zh(m);
  }
  return d; // HTTP status codes, sizes, and the reader's own messages (technical) as they are
}

/** What the tile archive's problem (map/archive.ts) means to the user, in both languages. */
export function archiveMessage(p: ArchiveProblem, lang: Lang): string {
  const f = p.file;
  const d = lang === 'zh' ? detailZh(p.detail) : p.detail;
  const rest = UI.loadErrorMap[lang];
  const zh: Record<ArchiveProblem['kind'], string> = {
    missing: `无法加载地图瓦片 ${f}（${d}）。${rest}`,
    http: `服务器无法提供地图瓦片 ${f}（${d}）。${rest}`,
    truncated: `地图瓦片 ${f} 不完整（${d}），无法绘制地图。${rest}`,
    corrupt: `地图瓦片 ${f} 已损坏（${d}），无法绘制地图。${rest}`,
    updated: `网站已发布新版本的地图（${f} 已不在服务器上）。请重新加载页面。`,
    changed: `服务器上的地图瓦片 ${f} 已更新，地图已重新读取。`,
    network: '网络中断：地图保留已加载的部分，网络恢复后自动重新加载。',
    'no-range': `服务器不支持分段读取（HTTP Range），已一次性下载全部地图瓦片 ${f}（${d}）。请网站管理员开启 Range 以加快首次加载。`,
  };
  const en: Record<ArchiveProblem['kind'], string> = {
    missing: `The map tiles ${f} could not be loaded (${d}). ${rest}`,
    http: `The server could not provide the map tiles ${f} (${d}). ${rest}`,
    truncated: `The map tiles ${f} are incomplete (${d}); the map cannot be drawn. ${rest}`,
    corrupt: `The map tiles ${f} are damaged (${d}); the map cannot be drawn. ${rest}`,
    updated: `A new version of the map was published (${f} is no longer on the server). Please reload the page.`,
    changed: `The map tiles ${f} changed on the server; the map has read them again.`,
    network: 'Network lost: the map keeps what it has loaded and reloads the rest when the connection is back.',
    'no-range': `The server does not support HTTP Range requests, so the whole tile archive ${f} (${d}) was downloaded at once. Ask the site's administrator to enable Range for a faster first load.`,
  };
  return (lang === 'zh' ? zh : en)[p.kind];
}

/** The heights of a phone's bottom sheet, as the handle announces them. */
/**
 * The first view's line on 一核两极多点, in the plan's own words (重点任务（一）: "以呼伦贝尔中心城区为
 * 核心,以满洲里市、扎兰屯市—阿荣旗为两极,以旗市区中心城镇、地方特色城镇为多点"; the core's parts from
 * its targets: "海拉尔区（含呼伦贝尔经济技术开发区）与鄂温克族自治旗一体化发展"). StructureLine.svelte.
 */
export const STRUCTURE_LINE = {
  core: {
    term: { zh: '一核', en: 'One core' },
    what: {
      zh: '呼伦贝尔中心城区（海拉尔区、鄂温克族自治旗）',
      en: 'the central city: Hailar with the Evenk Banner',
    },
    short: { zh: '中心城区', en: 'central city' },
  },
  poles: {
    term: { zh: '两极', en: 'Two poles' },
    what: { zh: '满洲里市；扎兰屯市—阿荣旗', en: 'Manzhouli; Zalantun–Arun' },
    short: { zh: '满洲里、扎兰屯—阿荣旗', en: 'Manzhouli; Zalantun–Arun' },
  },
  points: {
    term: { zh: '多点', en: 'Many points' },
    what: {
      zh: '旗市区中心城镇、地方特色城镇',
      en: 'banner, city and district seats; distinctive towns',
    },
    short: { zh: '旗市区中心城镇', en: 'banner and city seats' },
  },
} satisfies Record<string, Record<'term' | 'what' | 'short', Text>>;
export const STRUCTURE_LINE_OPEN: Text = { zh: '打开规划任务', en: 'open the plan task' };

export const SHEET_SIZE_NAMES = {
  peek: { zh: '低', en: 'low' },
  half: { zh: '半屏', en: 'half screen' },
  full: { zh: '全屏', en: 'full screen' },
} satisfies Record<string, Text>;
