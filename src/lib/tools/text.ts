/** The planners' tools' words (loaded with the tools, not the first view). */
import type { Text } from '../../contracts/vocab.ts';

const PICK = { zh: '在地图上选取', en: 'Pick on the map' };
const USE_SELECTED = { zh: '使用当前选中', en: 'Use the selected feature' };

export const TOOL_UI = {
  tools: { zh: '工具', en: 'Tools' },
  total: { zh: '总长', en: 'Total' },
  legs: { zh: '分段', en: 'Legs' },
  area: { zh: '面积', en: 'Area' },
  perimeter: { zh: '周长', en: 'Perimeter' },
  measureHelp: {
    zh: '在地图上点击添加点；双击、回车或“完成”结束；退格键撤销上一点；Esc 取消。靠近驻地、车站、口岸时自动吸附。',
    en: 'Click the map to add points; double-click, Enter or Finish ends; Backspace removes the last point; Esc cancels. Points snap to seats, stations and ports.',
  },
  geodesicNote: { zh: 'WGS84 椭球面测地线（GeographicLib）', en: 'Geodesics on the WGS84 ellipsoid (GeographicLib)' },
  finish: { zh: '完成', en: 'Finish' },
  undo: { zh: '撤销', en: 'Undo' },
  clear: { zh: '清除', en: 'Clear' },
  copy: { zh: '复制结果', en: 'Copy result' },
  copiedResult: { zh: '结果已复制', en: 'Result copied' },
  geojson: { zh: '下载 GeoJSON', en: 'Download GeoJSON' },
  csv: { zh: '下载 CSV', en: 'Download CSV' },
  from: { zh: '中心', en: 'From' },
  pick: PICK,
  picking: { zh: '请点击地图上的要素或位置…', en: 'Click a feature or a place on the map…' },
  useSelected: USE_SELECTED,
  radius: { zh: '半径（公里）', en: 'Radius (km)' },
  corridor: { zh: '两侧走廊宽度（公里）', en: 'Corridor, each side (km)' },
  nearHelp: {
    zh: `在地图上选中驻地、车站、口岸、历史文化街区、铁路线或旗市区后按“${USE_SELECTED.zh}”；或按“${PICK.zh}”，再点击驻地、车站、口岸、铁路线或任意位置。`,
    en: `Select a seat, station, port, heritage site, rail line or unit on the map, then press “${USE_SELECTED.en}”; or press “${PICK.en}” and click a seat, station, port, rail line or any point.`,
  },

  computing: { zh: '计算中…', en: 'Computing…' },
  nothingWithin: { zh: '范围内无', en: 'None within' },
  inside: { zh: '相交/在内', en: 'touches / inside' },
  clickedPoint: { zh: '所点位置', en: 'Clicked point' },
  bufferNote: {
    zh: '距离为测地线距离；缓冲区图形仅供示意。',
    en: 'Distances are geodesic; the drawn buffer is for the eye.',
  },
} satisfies Record<string, Text>;
