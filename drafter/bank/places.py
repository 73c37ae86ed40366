"""Chinese place names the fact finder knows without a dictionary.

Province-level units (full and short names), their one-character
abbreviations, the major cities (capitals, sub-provincial and large
prefecture-level cities) and the named regions speeches cite (长三角…).
"""

from __future__ import annotations

# short name -> full name of the 34 province-level units
PROVINCES = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
    "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
    "山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
    "海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}

# One-character abbreviations. Alone they are ordinary characters (新, 云, 青…),
# so they count only in telling contexts (来川, 驻陕, 援疆…; see facts.py).
ABBREVIATIONS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇陕秦甘陇青蒙桂藏宁疆港澳台"

CITIES = (
    # capitals and sub-provincial cities
    "石家庄 太原 呼和浩特 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 "
    "南宁 海口 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 乌鲁木齐 大连 青岛 宁波 厦门 深圳 "
    # other large or often-cited prefecture-level cities
    "唐山 保定 邯郸 廊坊 秦皇岛 张家口 承德 沧州 衡水 邢台 大同 晋中 运城 长治 包头 鄂尔多斯 "
    "鞍山 抚顺 锦州 营口 吉林市 延边 大庆 齐齐哈尔 牡丹江 苏州 无锡 常州 徐州 南通 扬州 "
    "盐城 镇江 泰州 连云港 淮安 宿迁 温州 嘉兴 湖州 绍兴 金华 台州 衢州 丽水 舟山 芜湖 蚌埠 "
    "安庆 阜阳 马鞍山 泉州 漳州 莆田 三明 龙岩 南平 宁德 赣州 九江 上饶 吉安 宜春 景德镇 "
    "烟台 潍坊 临沂 淄博 济宁 泰安 威海 日照 德州 聊城 滨州 菏泽 枣庄 东营 洛阳 开封 "
    "新乡 南阳 许昌 安阳 商丘 周口 信阳 驻马店 平顶山 焦作 宜昌 襄阳 荆州 黄石 十堰 孝感 "
    "黄冈 株洲 湘潭 衡阳 岳阳 常德 郴州 邵阳 怀化 张家界 佛山 东莞 珠海 汕头 中山 惠州 "
    "江门 湛江 茂名 肇庆 梅州 韶关 清远 揭阳 桂林 柳州 北海 玉林 三亚 绵阳 德阳 宜宾 "
    "泸州 南充 乐山 达州 遂宁 内江 自贡 攀枝花 广安 眉山 雅安 遵义 六盘水 安顺 毕节 曲靖 "
    "玉溪 大理 丽江 西双版纳 宝鸡 咸阳 渭南 延安 榆林 汉中 安康 天水 酒泉 嘉峪关 格尔木 "
    "石嘴山 克拉玛依 喀什 伊犁 雄安 浦东 滨海新区 两江新区 天府新区 "
    "井冈山 西柏坡 遵义 延安 瑞金 古田 韶山"
).split()

REGIONS = (
    "长三角 珠三角 京津冀 粤港澳大湾区 大湾区 成渝 长江经济带 黄河流域 东北 西部大开发 "
    "中部地区 东部地区 西部地区 东北地区 长江 黄河 淮河 珠江 太湖 洞庭湖 鄱阳湖 秦岭 "
    "大别山 太行山 沂蒙 三峡 青藏高原 海南自由贸易港 雄安新区 关中 陕北 苏北 皖北 赣南"
).split()

PLACE_NAMES = frozenset(PROVINCES) | frozenset(PROVINCES.values()) | frozenset(CITIES) | frozenset(REGIONS)
