-- 0150 exclusion rules for the feeds that mark a public servant, a salaried village cadre or a large-scale operator
-- (SPEC §7.2 items 1, 2 and 6; SPEC §10 组织/人社/财政 and 农业农村). Rules are data: the household picture applies
-- them with the same conditions screening runs (src/domain/picture/record-test.ts); a region may disable them.
INSERT INTO screening_rules (code, sort_order, name, department, record_kind, condition_kind, condition, thresholds, signal,
                             risk_type, exclusion_item, severity, finding) VALUES
('STF-PUBLIC-SERVANT', 160, '家庭成员为财政供养人员', 'staffing', 'public_servant', 'record_test',
 '{"all": [{"field": "staffType", "op": "in", "value": ["civil_servant", "quasi_civil_servant", "public_institution", "government_worker"]},
   {"field": "status", "op": "not_in", "value": ["left"]}]}',
 '{}', 'exclusion', NULL, 1, 'normal', '组织人社财政数据：家庭成员为财政供养人员（不纳入情形1）'),
('STF-VILLAGE-CADRE', 161, '家庭成员为领取报酬的村干部', 'staffing', 'village_cadre', 'record_test',
 '{"all": [{"field": "endDate", "op": "is_null"}]}',
 '{}', 'exclusion', NULL, 2, 'normal', '组织人社财政数据：家庭成员任村“三委”干部并领取报酬（不纳入情形2）'),
('AGR-LARGE-SCALE', 131, '规模经营主体', 'agriculture', 'large_scale_operator', 'record_test',
 '{"all": [{"field": "status", "op": "contains_none", "value": ["注销", "停业", "退出", "吊销"]}]}',
 '{}', 'exclusion', NULL, 6, 'normal', '农业农村数据：家庭成员为规模经营主体（不纳入情形6）');
