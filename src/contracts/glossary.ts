/**
 * English names of every body the plan makes responsible (责任单位: municipal bureaus, the
 * banner and city governments, the development zone, companies), for the English UI, the
 * matrix and its CSV. Our translation, following the usual English names of Chinese municipal
 * bodies (发展和改革委员会 → Development and Reform Commission, 局 → Bureau, 委员会 →
 * Commission, 办公室 → Office); marked as a translation wherever it is shown, the Chinese name
 * beside it. A unit test checks that every body in plan.json has an entry here.
 */
export const RESPONSIBLE_EN: Readonly<Record<string, string>> = {
  市住房和城乡建设局: 'Municipal Housing and Urban-Rural Development Bureau',
  市自然资源局: 'Municipal Natural Resources Bureau',
  市农牧局: 'Municipal Agriculture and Animal Husbandry Bureau',
  市民政局: 'Municipal Civil Affairs Bureau',
  市发展和改革委员会: 'Municipal Development and Reform Commission',
  市工业和信息化局: 'Municipal Industry and Information Technology Bureau',
  市文化旅游广电局: 'Municipal Culture, Tourism, Radio and Television Bureau',
  市财政局: 'Municipal Finance Bureau',
  市市场监督管理局: 'Municipal Market Regulation Bureau',
  市科学技术局: 'Municipal Science and Technology Bureau',
  市卫生健康委员会: 'Municipal Health Commission',
  市公安局: 'Municipal Public Security Bureau',
  市人力资源和社会保障局: 'Municipal Human Resources and Social Security Bureau',
  市交通运输局: 'Municipal Transport Bureau',
  市应急管理局: 'Municipal Emergency Management Bureau',
  市水利局: 'Municipal Water Resources Bureau',
  市教育局: 'Municipal Education Bureau',
  市体育局: 'Municipal Sports Bureau',
  市商务局: 'Municipal Commerce Bureau',
  市生态环境局: 'Municipal Ecology and Environment Bureau',
  市医疗保障局: 'Municipal Healthcare Security Bureau',
  市通信建设管理办公室: 'Municipal Communications Construction Management Office',
  市乡村振兴局: 'Municipal Rural Revitalization Bureau',
  市林业和草原局: 'Municipal Forestry and Grassland Bureau',
  市金融工作办公室: 'Municipal Financial Work Office',
  市残疾人联合会: "Municipal Disabled Persons' Federation",
  市消防救援支队: 'Municipal Fire and Rescue Detachment',
  市邮政管理局: 'Municipal Postal Administration',
  市委政法委员会: 'Political and Legal Affairs Commission of the Municipal Party Committee',
  市政务服务局: 'Municipal Government Services Bureau',
  市信访局: 'Municipal Bureau of Letters and Calls',
  市司法局: 'Municipal Justice Bureau',
  市气象局: 'Municipal Meteorological Bureau',
  市委组织部: 'Organization Department of the Municipal Party Committee',
  市委统战部: 'United Front Work Department of the Municipal Party Committee',
  市退役军人事务局: 'Municipal Veterans Affairs Bureau',
  市工商业联合会: 'Municipal Federation of Industry and Commerce',
  市国有资产监督管理委员会: 'Municipal State-owned Assets Supervision and Administration Commission',
  海拉尔区人民政府: 'Hailar District Government',
  鄂温克族自治旗人民政府: 'Evenk Autonomous Banner Government',
  满洲里市人民政府: 'Manzhouli City Government',
  扎兰屯市人民政府: 'Zalantun City Government',
  阿荣旗人民政府: 'Arun Banner Government',
  莫力达瓦达斡尔族自治旗人民政府: 'Morin Dawa Daur Autonomous Banner Government',
  扎赉诺尔区人民政府: 'Jalainur District Government',
  牙克石市人民政府: 'Yakeshi City Government',
  额尔古纳市人民政府: 'Ergun City Government',
  根河市人民政府: 'Genhe City Government',
  鄂伦春自治旗人民政府: 'Oroqen Autonomous Banner Government',
  陈巴尔虎旗人民政府: 'Chen Barag Banner Government',
  新巴尔虎左旗人民政府: 'New Barag Left Banner Government',
  新巴尔虎右旗人民政府: 'New Barag Right Banner Government',
  各旗市区人民政府: 'the governments of every banner, city and district',
  呼伦贝尔经济技术开发区管委会: 'Hulunbuir Economic and Technological Development Zone Administrative Committee',
  呼伦贝尔铁塔公司: 'China Tower, Hulunbuir branch',
  中国移动呼伦贝尔分公司: 'China Mobile, Hulunbuir branch',
  中国联通呼伦贝尔分公司: 'China Unicom, Hulunbuir branch',
  中国电信呼伦贝尔分公司: 'China Telecom, Hulunbuir branch',
  国网呼伦贝尔供电公司: 'State Grid Hulunbuir Power Supply Company',
  人民银行呼伦贝尔市中心支行: "People's Bank of China, Hulunbuir Central Sub-branch",
  呼伦贝尔银监分局: 'Hulunbuir Banking Regulatory Sub-bureau',
};

/** A responsible body's name in a language (English from the glossary; a unit test keeps it complete). */
export function responsibleName(zh: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? zh : (RESPONSIBLE_EN[zh] ?? zh);
}
