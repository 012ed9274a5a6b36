/**
 * The synthetic catalogue the benchmarks measure on: listed platforms of verified operator orgs across ten
 * cities, each with published services named from realistic Chinese subjects × actions. Deterministic
 * (seeded), written in bulk SQL; the caller runs the real reindex afterwards.
 */
const CITIES = [
  { code: '350582', name: '晋江' },
  { code: '350581', name: '石狮' },
  { code: '350503', name: '丰泽' },
  { code: '350102', name: '鼓楼' },
  { code: '350100', name: '福州' },
  { code: '440106', name: '天河' },
  { code: '440112', name: '黄埔' },
  { code: '440100', name: '广州' },
  { code: '330402', name: '南湖' },
  { code: '330400', name: '嘉兴' },
];
const SUBJECTS = [
  { name: '锂电池正极材料', field: 'ENERGY_CATHODE' },
  { name: '石墨烯导热膜', field: 'MATERIALS_GRAPHENE' },
  { name: '碳化硅功率器件', field: 'ELECTRONICS_IC' },
  { name: '功能性面料', field: 'TEXTILE_FIBER' },
  { name: '超临界发泡鞋材', field: 'TEXTILE_SUPERCRITICAL_FOAM' },
  { name: '海洋食品精深加工', field: 'FOOD_MARINE' },
  { name: '医用高分子导管', field: 'BIOMED_DEVICES' },
  { name: '精密注塑模具', field: 'EQUIPMENT_MOULD' },
  { name: '工业机器人减速器', field: 'EQUIPMENT_ROBOTICS' },
  { name: '光伏银浆', field: 'ENERGY' },
  { name: '氢燃料电池膜电极', field: 'ENERGY_HYDROGEN' },
  { name: '先进陶瓷基板', field: 'MATERIALS_CERAMICS' },
  { name: '智能传感器', field: 'EQUIPMENT_SENSING' },
  { name: '合成生物菌株', field: 'FUTURE_SYNBIO' },
  { name: '电芯及模组', field: 'ENERGY_CELL' },
];
const ACTIONS = [
  { name: '中试验证', category: 'SCALE_UP', stages: ['PILOT'] },
  { name: '小批量试产', category: 'SMALL_BATCH', stages: ['SMALL_BATCH'] },
  { name: '性能测试', category: 'PERFORMANCE_TEST', stages: ['LAB', 'PILOT'] },
  { name: '检验检测', category: 'INSPECTION_TESTING', stages: ['PILOT', 'SMALL_BATCH'] },
  { name: '工艺放大', category: 'SCALE_UP', stages: ['PILOT'] },
  { name: '型式试验', category: 'TYPE_TEST', stages: ['SMALL_BATCH'] },
  { name: '失效分析', category: 'INSPECTION_TESTING', stages: ['LAB'] },
  { name: '可靠性测试', category: 'PERFORMANCE_TEST', stages: ['PILOT'] },
  { name: '配方优化', category: 'PROCESS_IMPROVEMENT', stages: ['LAB', 'PILOT'] },
  { name: '概念验证', category: 'CONCEPT_VERIFICATION', stages: ['CONCEPT'] },
];
const TYPES = ['PILOT_SERVICE', 'COMMON_TECH', 'CONCEPT_VERIFICATION', 'PILOT_BASE', 'TESTING'];
const TYPE_NAMES = ['中试服务平台', '共性技术平台', '概念验证中心', '产业化中试基地', '检验检测中心'];
const MODELS = ['LEADING', 'SPECIALIZED', 'COMPREHENSIVE'];
const LEVELS = ['NONE', 'NONE', 'CITY', 'PROVINCE', 'NATIONAL'];

/** Deterministic pseudo-random numbers, so every run measures the same corpus. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Inserts `operatorOrgs` verified operator orgs and `platforms` listed platforms (round-robin over the orgs)
 * with `servicesPerPlatform` published services each. Returns the platform rows ({ id, operator_org_id }).
 * `offset` grows a catalogue already there: platform and org numbers (names, USCCs) continue after it, so a
 * benchmark can measure at 20,000 services and then at 200,000 without starting over.
 * @param {import('pg').Client} client
 */
async function generateCatalogue(
  client,
  { platforms: count, servicesPerPlatform, operatorOrgs, seed = 42, offset = 0, orgOffset = offset },
) {
  const rnd = random(seed + offset);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const orgs = await client.query(
    `INSERT INTO orgs (kind, name, uscc, region_code, verification_status)
     SELECT 'PLATFORM_OPERATOR', '中试科技集团第' || n || '有限公司', '9135058200' || lpad(n::text, 7, '0') || 'X',
            '350582', 'VERIFIED'
       FROM generate_series($2::int + 1, $2::int + $1::int) AS n
     RETURNING id`,
    [operatorOrgs, orgOffset],
  );
  const platforms = { org: [], name: [], type: [], model: [], fields: [], region: [], level: [], rating: [], desc: [] };
  for (let i = offset; i < offset + count; i++) {
    const city = CITIES[i % CITIES.length];
    const subject = SUBJECTS[(i * 7) % SUBJECTS.length];
    const t = i % TYPES.length;
    platforms.org.push(orgs.rows[i % orgs.rows.length].id);
    platforms.name.push(`${city.name}${subject.name}${TYPE_NAMES[t]}${i + 1}号`);
    platforms.type.push(TYPES[t]);
    platforms.model.push(pick(MODELS));
    platforms.fields.push(subject.field);
    platforms.region.push(city.code);
    platforms.level.push(pick(LEVELS));
    platforms.rating.push(rnd() < 0.3 ? null : (3 + rnd() * 2).toFixed(2));
    platforms.desc.push(`面向${subject.name}企业提供${ACTIONS.map((a) => a.name).join('、')}等服务。`);
  }
  const inserted = await client.query(
    `INSERT INTO platforms (operator_org_id, name, type, operating_model, field_codes, region_code,
                            recognition_level, rating_avg, description, status, listed_at)
     SELECT org, name, type, model, string_to_array(fields, ','), region, level, rating, descr, 'LISTED', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::numeric[], $9::text[]) AS p(org, name, type, model, fields, region, level, rating, descr)
     RETURNING id, operator_org_id, field_codes`,
    Object.values(platforms),
  );
  const services = {
    platform: [],
    title: [],
    desc: [],
    category: [],
    fields: [],
    stages: [],
    kind: [],
    price: [],
    unit: [],
    lead: [],
    voucher: [],
  };
  for (const [n, platform] of inserted.rows.entries()) {
    const i = offset + n;
    for (let j = 0; j < servicesPerPlatform; j++) {
      const subject = SUBJECTS[(i + j * 3) % SUBJECTS.length];
      const action = ACTIONS[(i * 3 + j) % ACTIONS.length];
      const kind = pick(['FIXED', 'FIXED', 'UNIT', 'QUOTE']);
      services.platform.push(platform.id);
      services.title.push(`${subject.name}${action.name}`);
      services.desc.push(
        `依托${platform.field_codes[0]}方向的中试线，为企业提供${subject.name}的${action.name}服务，` +
          `出具检测报告，支持首台套与小批量试生产。服务编号${i + 1}-${j + 1}。`,
      );
      services.category.push(action.category);
      services.fields.push(subject.field);
      services.stages.push(action.stages.join(','));
      services.kind.push(kind);
      services.price.push(kind === 'QUOTE' ? null : String(Math.round(10_000 + rnd() * 30_000_000)));
      services.unit.push(kind === 'UNIT' ? pick(['样品', '批次', '小时']) : null);
      services.lead.push(Math.floor(3 + rnd() * 90));
      services.voucher.push(rnd() < 0.6);
    }
  }
  await client.query(
    `INSERT INTO services (platform_id, title, description, category, field_codes, stages, pricing_kind, price_fen,
                           unit_name, lead_time_days, voucher_eligible, status, published_at)
     SELECT platform, title, descr, category, string_to_array(fields, ','), string_to_array(stages, ','), kind,
            price, unit, lead, voucher, 'PUBLISHED', now() - random() * interval '300 days'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::bigint[], $9::text[], $10::int[], $11::boolean[])
            AS s(platform, title, descr, category, fields, stages, kind, price, unit, lead, voucher)`,
    Object.values(services),
  );
  return inserted.rows;
}

module.exports = { CITIES, SUBJECTS, ACTIONS, random, generateCatalogue };
