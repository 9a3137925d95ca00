-- 0004 department data (SPEC §10): feed imports loaded in whole batches, department records matched to persons by
-- the keyed hash of the ID number, screening rules as data with per-region thresholds and history, screening hits and
-- data-quality items; data cleaning problems (SPEC §17); regional risk events and their exposed households (SPEC §11).

-- One upload of one department file. The same file (same SHA-256) for the same department, region and period is the
-- same import: loading it again returns this row, and an interrupted load resumes after its last committed batch.
CREATE TABLE feed_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department    text NOT NULL,
  record_kind   text,
  region_code   text NOT NULL REFERENCES regions (code),
  period        text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  status        text NOT NULL DEFAULT 'loading' CHECK (status IN ('loading', 'loaded', 'failed')),
  batch_size    integer NOT NULL CHECK (batch_size > 0),
  batches       integer NOT NULL DEFAULT 0,
  rows_good     integer NOT NULL DEFAULT 0,
  rows_bad      integer NOT NULL DEFAULT 0,
  rows_new      integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  clues         integer NOT NULL DEFAULT 0,
  header        jsonb,
  error         text,
  imported_by   text NOT NULL,
  user_id       uuid,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  UNIQUE (department, region_code, period, file_sha256)
);
CREATE INDEX feed_imports_region_idx ON feed_imports (region_code text_pattern_ops, started_at DESC);

-- Bookkeeping of each committed batch, written in the batch's own transaction (a crash leaves whole batches only).
CREATE TABLE feed_import_batches (
  import_id    uuid NOT NULL REFERENCES feed_imports (id),
  batch_no     integer NOT NULL,
  first_row    integer NOT NULL,
  last_row     integer NOT NULL,
  rows_good    integer NOT NULL,
  rows_bad     integer NOT NULL,
  rows_new     integer NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (import_id, batch_no)
);

-- Bad rows with every reason. The row as the file had it may hold an ID number: it is stored encrypted.
CREATE TABLE feed_import_errors (
  import_id    uuid NOT NULL REFERENCES feed_imports (id),
  batch_no     integer NOT NULL,
  row_number   integer NOT NULL,
  errors       jsonb NOT NULL,
  original_enc text NOT NULL,
  PRIMARY KEY (import_id, row_number)
);

-- Department records. Identity: (region, row hash) — the row hash covers department, record kind and every value, so
-- the same row in a later period's file (rolling extracts) is the same fact and is kept once (first import wins).
CREATE TABLE feed_records (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id        uuid NOT NULL REFERENCES feed_imports (id),
  batch_no         integer NOT NULL,
  row_number       integer NOT NULL,
  department       text NOT NULL,
  record_kind      text NOT NULL,
  region_code      text NOT NULL,
  period           text NOT NULL,
  row_hash         bytea NOT NULL,
  id_number_hash   text,
  id_number_masked text,
  id_number_enc    text,
  subject_region   text,
  data             jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX feed_records_identity_idx ON feed_records (region_code, row_hash);
CREATE INDEX feed_records_batch_idx ON feed_records (import_id, batch_no);
CREATE INDEX feed_records_kind_idx ON feed_records (department, record_kind);
CREATE INDEX feed_records_person_idx ON feed_records (id_number_hash) WHERE id_number_hash IS NOT NULL;

-- Screening rules as data (SPEC §10): the condition is a JSON structure of a whitelisted condition kind (no SQL from
-- users); thresholds are named numbers the condition refers to. Regions override thresholds and enablement in
-- screening_rule_settings (rows appended, never updated: the newest row at the nearest level is in force).
CREATE TABLE screening_rules (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  department     text NOT NULL,
  record_kind    text NOT NULL,
  condition_kind text NOT NULL CHECK (condition_kind IN ('record_test', 'household_sum_window', 'household_per_capita', 'period_drop')),
  condition      jsonb NOT NULL,
  thresholds     jsonb NOT NULL DEFAULT '{}',
  signal         text NOT NULL CHECK (signal IN ('risk', 'watch', 'check', 'exclusion', 'social')),
  risk_type      text CHECK (risk_type IN ('income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other')),
  exclusion_item smallint CHECK (exclusion_item BETWEEN 1 AND 10),
  severity       text NOT NULL CHECK (severity IN ('low', 'normal', 'high')),
  finding        text NOT NULL,
  enabled        boolean NOT NULL DEFAULT true,
  sort_order     integer NOT NULL DEFAULT 0
);

CREATE TABLE screening_rule_settings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_code   text NOT NULL REFERENCES screening_rules (code),
  region_code text NOT NULL REFERENCES regions (code),
  thresholds  jsonb NOT NULL DEFAULT '{}',
  enabled     boolean NOT NULL DEFAULT true,
  set_by      uuid,
  set_by_name text NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_rule_settings_lookup_idx ON screening_rule_settings (rule_code, region_code, set_at DESC);

CREATE TABLE screening_runs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code   text NOT NULL,
  trigger       text NOT NULL CHECK (trigger IN ('manual', 'schedule', 'import')),
  import_id     uuid REFERENCES feed_imports (id),
  as_of         date NOT NULL,
  rules         integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  clues_created integer NOT NULL DEFAULT 0,
  clues_merged  integer NOT NULL DEFAULT 0,
  quality_items integer NOT NULL DEFAULT 0,
  started_by    text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX screening_runs_region_idx ON screening_runs (region_code text_pattern_ops, started_at DESC);

-- Every hit once: (rule, facts) is unique, so screening the same data again finds nothing new. clue_key is the
-- ledger's fact_key of the clue the hit raised or was merged into; NULL when no clue (exclusion signal on a household
-- that is not monitored: kept here as evidence for identification, SPEC §7.2 "never apply an exclusion silently").
CREATE TABLE screening_hits (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_code    text NOT NULL REFERENCES screening_rules (code),
  fact_hash    text NOT NULL,
  run_id       uuid NOT NULL REFERENCES screening_runs (id),
  record_id    bigint REFERENCES feed_records (id),
  household_id uuid REFERENCES households (id),
  person_id    uuid REFERENCES persons (id),
  region_code  text NOT NULL,
  facts        jsonb NOT NULL DEFAULT '{}',
  finding      text NOT NULL,
  clue_key     text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_code, fact_hash)
);
CREATE INDEX screening_hits_household_idx ON screening_hits (household_id) WHERE household_id IS NOT NULL;

-- A hit on a person who is not in the registry (SPEC §10: "becomes a data-quality item, not a lost record").
CREATE TABLE data_quality_items (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('unmatched_person')),
  record_id        bigint NOT NULL REFERENCES feed_records (id),
  rule_code        text NOT NULL REFERENCES screening_rules (code),
  department       text NOT NULL,
  region_code      text NOT NULL,
  name             text,
  id_number_masked text,
  reason           text NOT NULL,
  run_id           uuid NOT NULL REFERENCES screening_runs (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  resolved_at      timestamptz,
  UNIQUE (record_id, kind)
);
CREATE INDEX data_quality_items_region_idx ON data_quality_items (region_code text_pattern_ops, created_at DESC);

-- 数据清洗 (SPEC §17): the problems found by the last cleaning run over a region (a run replaces its region's rows).
CREATE TABLE cleaning_runs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL,
  year        smallint NOT NULL,
  problems    integer NOT NULL DEFAULT 0,
  started_by  text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE cleaning_problems (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id       uuid NOT NULL REFERENCES cleaning_runs (id),
  rule_code    text NOT NULL,
  region_code  text NOT NULL,
  household_id uuid REFERENCES households (id),
  person_id    uuid REFERENCES persons (id),
  reason       text NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}',
  found_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cleaning_problems_region_idx ON cleaning_problems (region_code text_pattern_ops, rule_code);

-- 区域性、规模性返贫风险 (SPEC §11): an event for a region (and a product or industry), the households found exposed.
CREATE TABLE regional_risk_events (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code        text NOT NULL REFERENCES regions (code),
  event_type         text NOT NULL CHECK (event_type IN ('natural_disaster', 'epidemic', 'price_fall', 'unemployment',
                                                         'industry_failure', 'relocation_site')),
  title              text NOT NULL,
  description        text NOT NULL DEFAULT '',
  product            text,
  industry           text,
  started_on         date NOT NULL,
  ended_on           date,
  exposure           jsonb NOT NULL DEFAULT '{}',
  risk_types         text[] NOT NULL DEFAULT '{}',
  households_exposed integer NOT NULL DEFAULT 0,
  clues_created      integer NOT NULL DEFAULT 0,
  clues_merged       integer NOT NULL DEFAULT 0,
  recorded_by        text NOT NULL,
  user_id            uuid,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regional_risk_events_region_idx ON regional_risk_events (region_code text_pattern_ops, started_on DESC);

CREATE TABLE regional_risk_households (
  event_id     uuid NOT NULL REFERENCES regional_risk_events (id),
  household_id uuid NOT NULL REFERENCES households (id),
  region_code  text NOT NULL,
  reason       text NOT NULL,
  PRIMARY KEY (event_id, household_id)
);

-- The SPEC §10 defaults (thresholds are "default" numbers: regions override them in screening_rule_settings).
INSERT INTO screening_rules (code, sort_order, name, department, record_kind, condition_kind, condition, thresholds, signal,
                             risk_type, exclusion_item, severity, finding) VALUES
('MED-OOP-12M', 10, '医疗自付费用高', 'medical_insurance', 'settlement', 'household_sum_window',
 '{"amountField": "outOfPocket", "dateField": "settlementDate"}',
 '{"months": 12, "amountYuan": 20000, "shareOfNetIncome": 0.5}', 'risk', 'medical', NULL, 'high',
 '医保数据：家庭住院个人自付费用高'),
('HR-WAGE-DROP', 20, '务工收入大幅下降', 'hr_social_security', 'employment', 'period_drop',
 '{"amountField": "lastMonthWage"}', '{"share": 0.5, "months": 12}', 'risk', 'industry_employment', NULL, 'normal',
 '人社数据：务工工资同比下降'),
('HR-WORK-ENDED', 21, '务工结束返乡', 'hr_social_security', 'employment', 'record_test',
 '{"all": [{"field": "workEndDate", "op": "not_null"}]}', '{}', 'risk', 'industry_employment', NULL, 'normal',
 '人社数据：务工结束返乡'),
('EMG-LOSS', 30, '因灾损失或伤亡', 'emergency', 'household_loss', 'record_test',
 '{"any": [{"field": "propertyLoss", "op": "gte", "threshold": "amountYuan"}, {"field": "deaths", "op": "gte", "value": 1},
   {"field": "seriousInjuries", "op": "gte", "value": 1}]}',
 '{"amountYuan": 10000}', 'risk', 'other', NULL, 'high', '应急数据：因灾财产损失大或有人员伤亡'),
('PS-ACCIDENT', 31, '交通事故死亡或重伤', 'public_security', 'traffic_accident', 'record_test',
 '{"all": [{"field": "injury", "op": "in", "value": ["death", "serious_injury"]}]}', '{}', 'risk', 'other', NULL,
 'high', '公安数据：交通事故死亡或重伤'),
('PS-DEATH', 32, '户籍死亡注销', 'public_security', 'register_change', 'record_test',
 '{"all": [{"field": "changeType", "op": "eq", "value": "death"}, {"field": "person.status", "op": "eq", "value": "normal"}]}',
 '{}', 'check', NULL, NULL, 'normal', '公安数据：已死亡注销，家庭成员信息待更新'),
('PS-CAR', 33, '购买消费型汽车', 'public_security', 'vehicle', 'record_test',
 '{"all": [{"field": "vehicleType", "op": "contains_any", "value": ["客车", "轿车", "越野", "SUV", "乘用车"]},
   {"field": "vehicleType", "op": "contains_none", "value": ["货车", "三轮", "专项作业", "挂车", "农用"]}]}',
 '{}', 'exclusion', NULL, 3, 'normal', '公安数据：家庭成员名下有消费型汽车（不纳入情形3）'),
('PBC-DEPOSIT', 40, '人均存款较多', 'central_bank', 'deposit', 'household_per_capita',
 '{"amountField": "balance", "dateField": "asOfDate"}', '{"perCapitaYuan": 50000}', 'exclusion', NULL, NULL,
 'normal', '人民银行数据：家庭人均存款较多'),
('EDU-DROPOUT', 50, '义务教育阶段辍学', 'education', 'dropout', 'record_test',
 '{"all": [{"field": "returned", "op": "not_true"}]}', '{}', 'risk', 'education', NULL, 'high',
 '教育数据：义务教育阶段辍学'),
('EDU-STATUS', 51, '学籍状态为辍学', 'education', 'student', 'record_test',
 '{"all": [{"field": "status", "op": "eq", "value": "dropped_out"}]}', '{}', 'risk', 'education', NULL, 'high',
 '教育数据：学籍状态为辍学'),
('HOU-APPRAISAL', 60, '住房鉴定为C级或D级', 'housing', 'safety_appraisal', 'record_test',
 '{"all": [{"field": "grade", "op": "in", "value": ["C", "D"]}]}', '{}', 'risk', 'housing', NULL, 'high',
 '住建数据：住房安全性鉴定为C级或D级'),
('HOU-DAMAGE', 61, '房屋倒塌或严重损坏', 'housing', 'house_damage', 'record_test',
 '{"all": [{"field": "damageLevel", "op": "in", "value": ["collapsed", "severe"]}]}', '{}', 'risk', 'housing', NULL,
 'high', '住建数据：房屋倒塌或严重损坏'),
('NR-PROPERTY', 70, '城镇购房或商铺', 'natural_resources', 'property_registration', 'record_test',
 '{"all": [{"field": "propertyType", "op": "contains_none", "value": ["宅基地", "农村自建"]}]}', '{}', 'exclusion',
 NULL, 4, 'normal', '自然资源数据：在城镇有商品房、商铺等房产（不纳入情形4）'),
('WAT-FAILURE', 80, '饮水不达标', 'water', 'water_failure', 'record_test',
 '{"all": [{"field": "resolvedDate", "op": "is_null"}]}', '{}', 'risk', 'water', NULL, 'normal',
 '水利数据：饮水安全不达标'),
('AGR-CROP-LOSS', 90, '农业受灾损失', 'agriculture', 'crop_loss', 'record_test',
 '{"all": [{"field": "lossAmount", "op": "gte", "threshold": "amountYuan"}]}', '{"amountYuan": 1000}', 'risk',
 'industry_employment', NULL, 'normal', '农业农村数据：种养业受灾损失'),
('HEA-SERIOUS-NEW', 100, '新增大病', 'health', 'serious_disease', 'record_test',
 '{"all": [{"field": "person.health", "op": "ne", "value": "serious"}, {"field": "treatmentStatus", "op": "ne", "value": "died"}]}',
 '{}', 'watch', 'medical', NULL, 'normal', '卫健数据：新增大病患者，重点关注'),
('DPF-SEVERE-NEW', 110, '新增重度残疾', 'disabled_federation', 'disability_certificate', 'record_test',
 '{"all": [{"field": "level", "op": "in", "value": ["1", "2"]}, {"field": "status", "op": "not_in", "value": ["cancelled", "expired"]},
   {"field": "person.health", "op": "ne", "value": "disabled"}]}',
 '{}', 'watch', 'other', NULL, 'normal', '残联数据：新增一、二级重度残疾，重点关注'),
('DPF-MENTAL-NEW', 111, '新增三、四级智力或精神残疾', 'disabled_federation', 'disability_certificate', 'record_test',
 '{"all": [{"field": "level", "op": "in", "value": ["3", "4"]}, {"field": "category", "op": "in", "value": ["intellectual", "mental"]},
   {"field": "status", "op": "not_in", "value": ["cancelled", "expired"]}, {"field": "person.health", "op": "ne", "value": "disabled"}]}',
 '{}', 'watch', 'other', NULL, 'normal', '残联数据：新增三、四级智力或精神残疾，重点关注'),
('MS-COMPANY', 120, '经营公司或企业', 'market_supervision', 'business_entity', 'record_test',
 '{"all": [{"field": "status", "op": "contains_none", "value": ["注销", "吊销", "撤销"]},
   {"field": "entityType", "op": "contains_none", "value": ["个体", "合作社"]}]}',
 '{}', 'exclusion', NULL, 5, 'normal', '市场监管数据：担任在业公司或企业的法定代表人（不纳入情形5）'),
('AGM-LARGE', 130, '购买大型农机', 'agri_machinery', 'machinery_purchase', 'record_test',
 '{"all": [{"field": "price", "op": "gte", "threshold": "amountYuan"}]}', '{"amountYuan": 100000}', 'exclusion', NULL,
 6, 'low', '农机数据：购置大型农机具（不纳入情形6参考）'),
('CA-BACKSTOP-NEW', 140, '新增低保特困对象未纳入监测', 'civil_affairs', 'social_assistance', 'record_test',
 '{"all": [{"field": "assistanceType", "op": "in", "value": ["dibao", "tekun"]}, {"field": "status", "op": "in", "value": ["added", "active"]},
   {"field": "household.monitoring_status", "op": "eq", "value": "none"}]}',
 '{}', 'check', NULL, NULL, 'normal', '民政数据：低保或特困供养对象未纳入监测，请核查'),
('CA-BACKSTOP-ENDED', 141, '监测户兜底保障终止', 'civil_affairs', 'social_assistance', 'record_test',
 '{"all": [{"field": "assistanceType", "op": "in", "value": ["dibao", "tekun"]}, {"field": "status", "op": "eq", "value": "ended"},
   {"field": "household.monitoring_status", "op": "eq", "value": "monitored"}]}',
 '{}', 'check', NULL, NULL, 'normal', '民政数据：监测户低保或特困供养已停保，请核查'),
('CYB-OPINION', 150, '网络舆情', 'cyberspace', 'public_opinion', 'record_test', '{}', '{}', 'social', NULL, NULL,
 'normal', '网信数据：网络舆情反映困难');
