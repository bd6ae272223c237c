"""Rules that read a name or a relation beyond its own sentence, and the cues added for unseen
texts (extract3): one name one thing across a document, title subjects, company short names,
science facilities, campuses. Every snippet is written for this test (no gold or sample text)."""
from snippets import extract_snippet

extract = extract_snippet


def test_a_name_found_once_names_the_same_thing_elsewhere_in_the_document():
    ents, rels, x = extract("引进星澜光电、云帆微电子等龙头企业。星澜光电落户东湖片区。")
    assert ("Enterprise", "星澜光电") in ents
    assert ("星澜光电", "LOCATED_IN", "东湖片区") in rels
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 2                  # the second sentence is evidence too


def test_an_echo_never_cuts_into_a_word():
    ents, _, x = extract("引进星澜光电、云帆微电子等龙头企业。推进星澜光电子城建设。")
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 1                  # 光电子: another word


def test_a_traditional_title_names_the_home_place():
    ents, rels, x = extract("東部活力區位於香港特別行政區東部，重點發展現代物流、會展。", "東部活力區發展藍圖（摘錄）")
    assert ("Platform", "東部活力區") in ents      # a direction word names the place in a title
    assert ("東部活力區", "LOCATED_IN", "香港") in rels
    assert ("東部活力區", "SERVES", "现代物流") in rels


def test_a_direction_word_alone_names_nothing_outside_the_title():
    ents, _, _ = extract("推动东部活力区和南部示范区协调发展。", "某某市发展规划")
    assert not any(t == "Platform" for t, _ in ents)


def test_company_short_names_in_a_support_verbs_slot():
    ents, rels, _ = extract("支持星澜做大激光雷达业务，引导瑞禾丰源在东湖片区布局食品加工项目。")
    assert ("Enterprise", "星澜") in ents and ("Enterprise", "瑞禾丰源") in ents
    assert ("瑞禾丰源", "LOCATED_IN", "东湖片区") in rels


def test_a_region_and_one_plain_word_in_an_anchor_slot_is_a_company():
    ents, rels, _ = extract("依托江西时代建设赣州动力电池产业园。")
    assert ("Enterprise", "江西时代") in ents
    assert ("赣州动力电池产业园", "ANCHORED_BY", "江西时代") in rels


def test_project_milestones_name_companies_and_their_phases():
    ents, rels, _ = extract("湖南时代三期、四期项目建成投产，英朗德华、美科硅能源等项目落户东湖片区。")
    assert {("Project", "湖南时代三期"), ("Project", "湖南时代四期"),
            ("Enterprise", "英朗德华"), ("Enterprise", "美科硅能源")} <= ents
    assert ("英朗德华", "LOCATED_IN", "东湖片区") in rels


def test_generic_actors_name_nothing():
    ents, _, _ = extract("鼓励民营企业在园区投资，支持高校在园区布局，引导社会资本在园区设立基金，"
                         "推动龙头企业做大做强，依托资源禀赋建设特色小镇。")
    assert not any(t == "Enterprise" for t, _ in ents)


def test_university_campuses_named_by_their_place():
    ents, _, _ = extract("支持中山大学·深圳、哈尔滨工业大学（深圳）和北京大学深圳研究生院建设实验室，"
                         "推进南方科技大学·光明校区建设。")
    assert {("Institution", "中山大学·深圳"), ("Institution", "哈尔滨工业大学（深圳）"),
            ("Institution", "北京大学深圳研究生院"), ("Institution", "南方科技大学·光明校区")} <= ents
    ents, _, _ = extract("中山大学（以下简称中大）启动新校区。")
    assert ("Institution", "中山大学") in ents


def test_science_facilities_named_by_their_field_not_infrastructure():
    ents, _, _ = extract("加快建设脑解析与脑模拟设施、合成生物研究设施，推进散裂中子源二期、先进阿秒激光等"
                         "重大科技基础设施建设，完善交通设施、公共服务设施和新型信息基础设施。")
    assert {("Project", "脑解析与脑模拟设施"), ("Project", "合成生物研究设施"),
            ("Project", "散裂中子源二期"), ("Project", "先进阿秒激光")} <= ents
    assert not any(n.endswith(("交通设施", "服务设施", "基础设施")) for _, n in ents)


def test_an_article_heading_names_the_subject_of_its_article():
    body = ("二、空间布局\n\n（一）东湖光电产业园。以星澜光电、云帆科技为核心，重点发展激光器件和光通信模块，"
            "加快建设光电子中试基地，支持瑞禾丰源落户园区。\n\n（二）西岭片区。园区位于龙泉县，重点发展精密仪器、海洋装备。")
    ents, rels, _ = extract(body, "某某市光电产业发展规划")
    assert ("Platform", "东湖光电产业园") in ents
    assert ("东湖光电产业园", "ANCHORED_BY", "星澜光电") in rels
    assert ("东湖光电产业园", "SERVES", "激光器件") in rels
    assert ("瑞禾丰源", "LOCATED_IN", "东湖光电产业园") in rels
    assert ("西岭片区", "SERVES", "精密仪器") in rels
    assert not any(h == "东湖光电产业园" and t == "精密仪器" for h, _, t in rels)   # the next article


def test_a_topic_heading_is_no_subject_and_a_generic_heading_no_name():
    body = "（一）打造特色小镇。以星澜光电为核心，重点发展激光器件。"
    ents, rels, _ = extract(body, "某某市光电产业发展规划")
    assert not any(n == "特色小镇" or n == "打造特色小镇" for _, n in ents)
    assert not any(r == "ANCHORED_BY" for _, r, _ in rels)


def test_city_heads_parks_named_for_a_sector_and_verbs_inside_a_places_name():
    ents, rels, _ = extract("柳州汽车城位于柳东新区，推动柳州汽车城与上海国际汽车城协同发展。"
                            "光谷生物城由生物创新园、生物医药园、医疗器械园和医学健康园四个专业园区组成。"
                            "生物创新园依托湖北江夏实验室建设光谷合成生物产业园。")
    assert {("Platform", "柳州汽车城"), ("Platform", "上海国际汽车城"), ("Platform", "生物医药园"),
            ("Platform", "医疗器械园"), ("Platform", "医学健康园"), ("Platform", "光谷合成生物产业园")} <= ents
    assert ("柳州汽车城", "LOCATED_IN", "柳东新区") in rels
    assert ("医学健康园", "PART_OF", "光谷生物城") in rels
    assert not any(n in ("主城", "广州主城", "校园") for _, n in ents)


def test_common_nouns_ending_with_a_park_head_are_no_names():
    ents, _, _ = extract("优化广州主城功能布局，建设美丽校园和幸福家园。")
    assert not any(t == "Platform" for t, _ in ents)


def test_company_lists_in_a_support_verbs_slot():
    ents, _, _ = extract("支持泰格医药、康龙化成拓展临床CRO业务，吸引辉瑞、赛诺菲在园区设立区域研发中心。")
    assert {("Enterprise", "泰格医药"), ("Enterprise", "康龙化成"), ("Enterprise", "辉瑞"),
            ("Enterprise", "赛诺菲")} <= ents


def test_figures_with_thousands_separators_shares_in_words_and_more_units():
    _, _, x = extract("初创企业增至4,257家，进驻率超过八成，约占全市经济总量的四分之一，近三成来自外资；"
                      "已接获申请逾6.5万宗，算力达3,000 PFLOPS，年检测能力达到100万例左右，每年举办活动不少于30场，"
                      "基金总规模100亿澳门元，澳资企业增长近两倍。")
    got = {(i.value, i.unit, i.comparator) for i in x.indicators}
    assert {(4257.0, "家", "="), (0.8, "", ">"), (0.25, "", "~"), (0.3, "", "~"), (6.5, "万宗", ">"),
            (100.0, "万例", "~"), (30.0, "场", ">="), (100.0, "亿澳门元", "="), (2.0, "倍", "~")} <= got
    assert not any(i.value in (257.0, 0.0) for i in x.indicators)


def test_sectors_named_by_their_companies_and_strict_research_lists():
    ents, _, _ = extract("支持化合物半导体企业建立中试线，支持集成电路设计企业和高新技术企业做大做强，"
                         "研发功率半导体和车规级芯片，重点发展生命健康科技、先进材料等策略性产业。")
    assert {("Industry", "化合物半导体"), ("Industry", "集成电路设计"), ("Industry", "功率半导体"),
            ("Industry", "车规级芯片"), ("Industry", "生命健康科技"), ("Industry", "先进材料")} <= ents
    assert not any(n.startswith("高新技术") for _, n in ents)
    ents, _, _ = extract("研发新产品和新工艺，聚焦重点和难点。")
    assert not any(t == "Industry" for t, _ in ents)


def test_hong_kong_places_written_in_traditional_characters():
    ents, rels, _ = extract("數碼港位於南區，聯想將在屯門設立智能製造基地，深化與阿聯酋等中東國家的合作。",
                            "行政長官施政報告")
    assert {("Platform", "数码港"), ("Region", "屯门区"), ("Region", "阿拉伯联合酋长国"), ("Region", "中东")} <= ents


def test_located_in_every_place_named_after_the_cue_but_not_beside_it():
    _, rels, _ = extract("怀柔科学城位于北京市怀柔区和密云区。密云片区位于密云经济开发区西侧，重点发展生命健康、智能制造。"
                         "截至2023年，科学城集聚中国科学院物理研究所、中国科学院大学等科研院所。",
                         "怀柔科学城建设发展规划")
    assert {("怀柔科学城", "LOCATED_IN", "北京市"), ("怀柔科学城", "LOCATED_IN", "怀柔区"),
            ("怀柔科学城", "LOCATED_IN", "密云区")} <= rels
    assert not any(h == "密云片区" and t == "密云经济开发区" for h, _, t in rels)
    assert ("中国科学院大学", "LOCATED_IN", "怀柔科学城") in rels      # past the opening time phrase


def test_kind_anaphors_and_parks_for_two_sectors():
    ents, rels, _ = extract("建设杨宋科学仪器和传感器产业集聚区，支持国仪量子、中科科仪等科学仪器企业落户集聚区。")
    assert ("Platform", "杨宋科学仪器和传感器产业集聚区") in ents
    assert ("国仪量子", "LOCATED_IN", "杨宋科学仪器和传感器产业集聚区") in rels
    assert ("国仪量子", "OPERATES_IN", "科学仪器") in rels


def test_a_facility_a_named_centre_builds_starts_after_the_verb():
    ents, _, _ = extract("依托北京怀柔综合性国家科学中心建设大科学装置集群。")
    assert not any("建设" in n for _, n in ents)


def test_kinds_of_business_before_a_sector_firm_cue_are_sectors():
    ents, _, _ = extract("培育数据标注、数据合规等数据服务企业50家以上，引进英发德耀、美科硅能源等光伏企业。")
    assert {("Industry", "数据标注"), ("Industry", "数据合规"), ("Enterprise", "英发德耀"),
            ("Enterprise", "美科硅能源")} <= ents


def test_the_titles_platform_is_what_its_kind_word_stands_for_and_hosting_locates_events():
    body = ("集聚区已连续多年承办世界人工智能大会。推动集聚区与北京中关村科学城协同共建大模型产业联盟。"
            "加快建设徐汇智算中心二期，支持上海数据交易所在集聚区设立数据服务工作站。")
    ents, rels, _ = extract(body, "徐汇区建设上海人工智能创新集聚区发展规划")
    assert ("世界人工智能大会", "LOCATED_IN", "上海人工智能创新集聚区") in rels
    assert any(t == "COOPERATES_WITH" and {h, ta} == {"上海人工智能创新集聚区", "北京中关村科学城"}
               for h, t, ta in rels)
    assert {("Project", "徐汇智算中心二期"), ("Institution", "上海数据交易所")} <= ents


def test_companies_leading_several_sectors_are_mapped_only_by_respectively():
    _, rels, _ = extract("以商汤、阶跃星辰为核心，重点发展大模型、智能芯片。以隆基绿能、比亚迪为龙头，分别发展新材料、新能源汽车。")
    assert not any(r == "OPERATES_IN" and h in ("商汤", "商汤科技", "阶跃星辰") for h, r, _ in rels)
    assert ("隆基绿能", "OPERATES_IN", "新材料") in rels and ("比亚迪", "OPERATES_IN", "新能源汽车") in rels


def test_quoted_names_with_a_head_phases_after_registry_parks_and_sector_cues_without_deng():
    ents, _, x = extract("將設立總額100億元的「創科產業引導基金」。數碼港第五期預計2025年落成。"
                         "香港微電子研發院將於2024年成立。園區重點容納生物醫藥、人工智能和機械人相關企業。"
                         "构建“9条高速路、12条快速路、4个隧道”对外道路系统。")
    assert {("Institution", "「創科產業引導基金」"), ("Project", "數碼港第五期"), ("Institution", "香港微電子研發院"),
            ("Industry", "機械人")} <= ents
    assert not any("高速路" in n for _, n in ents)
    assert {9.0, 12.0, 4.0} <= {i.value for i in x.indicators}
