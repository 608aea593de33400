/** Strings of the compare pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {
	'compare.title': 'So sánh các tỉnh, thành phố',
	'compare.heading': 'So sánh các tỉnh, thành phố — {indicator}',
	'compare.subheading': 'Năm {year} · {view} · số liệu đến ngày {date}',
	'compare.filters': 'Bộ lọc so sánh',
	'compare.indicator': 'Chỉ tiêu',
	'compare.view': 'Hệ đơn vị hành chính',
	'compare.view.old': '63 tỉnh (đến 30/6/2025)',
	'compare.view.new': '34 tỉnh (từ 1/7/2025)',
	'compare.viewShort.old': 'hệ 63 tỉnh, thành phố',
	'compare.viewShort.new': 'hệ 34 tỉnh, thành phố',
	'compare.normalise': 'Chuẩn hóa',
	'compare.norm.none': 'Giá trị',
	'compare.norm.commune': 'Trên 1 đơn vị cấp xã',
	'compare.norm.ratio': 'Chỉ tiêu tỷ lệ: so sánh trực tiếp, không chuẩn hóa.',
	'compare.perCapita': 'Không có phương án “bình quân đầu người”: bộ dữ liệu không có số dân của các tỉnh.',
	'compare.communeMissing': 'Chưa biết số đơn vị cấp xã của: {names} — không tính được giá trị bình quân.',
	'compare.communeSource': 'Số đơn vị cấp xã theo danh mục đơn vị hành chính (units.csv).',
	'compare.coverage':
		'Bộ dữ liệu chỉ có số liệu của {n}/{total} tỉnh, thành phố: {names}. Các tỉnh còn lại để trống (gạch chéo) — không phải bằng 0.',
	'compare.mergerNew':
		'Số của tỉnh mới gộp các tỉnh cũ hợp thành theo NQ 202/2025/QH15: số đếm cộng lại; tỷ lệ tính lại từ tổng tử số và tổng mẫu số, không lấy trung bình.',
	'compare.mergerOld':
		'Các tỉnh cũ kết thúc ngày 30/6/2025; tỉnh không đổi địa giới (Quảng Ninh) tiếp tục được tính sau ngày đó.',
	'compare.cumulativeFrom': 'Chỉ tiêu lũy kế: cộng dồn từ ngày {date}.',
	'compare.directionDown': 'Chỉ tiêu nghịch: giá trị thấp hơn là tốt hơn.',
	'compare.measure': 'Đơn vị tính: {unit}',
	'compare.perCommuneUnit': '{unit} / 1 đơn vị cấp xã',
	'compare.highlight': 'Đang đánh dấu: {names}',
	'compare.mixedDates': 'Các giá trị không cùng ngày ({dates}): tỉnh cũ dừng ở ngày 30/6/2025 — xem cột “Số liệu đến ngày”.',

	'compare.map': 'Bản đồ ô',
	'compare.mapHelp':
		'Mỗi ô là một tỉnh, thành phố, đặt theo vị trí địa lý gần đúng (phía bắc ở trên). Dùng phím Tab để vào bản đồ, phím mũi tên để di chuyển giữa các ô.',
	'compare.mapLabel': 'Bản đồ ô {total} tỉnh, thành phố, tô màu theo {indicator} năm {year}. Có số liệu: {summary}.',
	'compare.legend': 'Chú giải',
	'compare.legend.noData': 'Chưa có số liệu',
	'compare.legend.selected': 'Tỉnh đang chọn',
	'compare.tileHint': 'Nhấn Enter để chọn tỉnh này',

	'compare.ranking': 'Xếp hạng',
	'compare.rankingLabel': 'Biểu đồ thanh xếp hạng {indicator} năm {year}: {summary}.',
	'compare.noData': 'chưa có số liệu',
	'compare.others': 'Và {n} tỉnh, thành phố khác: chưa có số liệu trong bộ dữ liệu',
	'compare.othersList': 'Danh sách',

	'compare.table': 'Bảng số liệu và nguồn',
	'compare.tableCaption': '{indicator} — năm {year}, {view}',
	'compare.col.rank': 'Hạng',
	'compare.col.province': 'Tỉnh, thành phố',
	'compare.col.value': 'Giá trị',
	'compare.col.perCommune': 'Trên 1 đơn vị cấp xã',
	'compare.col.communes': 'Số đơn vị cấp xã',
	'compare.col.parts': 'Tử số / mẫu số',
	'compare.col.asOf': 'Số liệu đến ngày',
	'compare.col.source': 'Nguồn',

	'compare.reason.ended': 'Đơn vị đã sáp nhập từ 1/7/2025',
	'compare.reason.no_figure': 'Chưa có số liệu năm {year}',
	'compare.reason.no_data': 'Chưa có số liệu (ngoài bộ dữ liệu)',
	'compare.reason.no_denominator': 'Chưa biết số đơn vị cấp xã',
	'compare.unknown': 'chưa biết',
	'compare.fromRecords': 'Tính từ: {dataset}',
	'compare.fromObservations': 'Số liệu theo kỳ: {sources}',
	'compare.published': 'Số công bố: {value} ngày {date} — {source}',

	'compare.empty': 'Chưa có số liệu năm {year} của chỉ tiêu này ở tỉnh, thành phố nào ({view}).',
	'compare.emptyOld': 'Các tỉnh cũ đã sáp nhập từ 1/7/2025: chọn hệ 34 tỉnh để xem năm {year}.'
} as const;

const en: Record<keyof typeof vi, string> = {
	'compare.title': 'Compare provinces',
	'compare.heading': 'Compare provinces — {indicator}',
	'compare.subheading': 'Year {year} · {view} · data as of {date}',
	'compare.filters': 'Comparison filters',
	'compare.indicator': 'Indicator',
	'compare.view': 'Administrative system',
	'compare.view.old': '63 provinces (until 30 Jun 2025)',
	'compare.view.new': '34 provinces (from 1 Jul 2025)',
	'compare.viewShort.old': '63-province system',
	'compare.viewShort.new': '34-province system',
	'compare.normalise': 'Normalise',
	'compare.norm.none': 'Value',
	'compare.norm.commune': 'Per commune-level unit',
	'compare.norm.ratio': 'Ratio indicator: compared as is, no normalisation.',
	'compare.perCapita': 'No “per capita” option: the data has no population figures for the provinces.',
	'compare.communeMissing': 'Number of commune-level units unknown for: {names} — no per-commune value.',
	'compare.communeSource': 'Commune-level units from the administrative unit list (units.csv).',
	'compare.coverage':
		'The data covers only {n} of {total} provinces: {names}. The others are left blank (hatched) — not zero.',
	'compare.mergerNew':
		'A new province adds up the old provinces it was formed from (NQ 202/2025/QH15): counts are summed; ratios are recomputed from the summed numerators and denominators, never averaged.',
	'compare.mergerOld':
		'Old provinces end on 30 Jun 2025; a province whose territory did not change (Quang Ninh) continues after that date.',
	'compare.cumulativeFrom': 'Cumulative indicator: counted from {date}.',
	'compare.directionDown': 'Lower is better for this indicator.',
	'compare.measure': 'Unit: {unit}',
	'compare.perCommuneUnit': '{unit} per commune-level unit',
	'compare.highlight': 'Highlighted: {names}',
	'compare.mixedDates': 'The values are not all at one date ({dates}): old provinces stop on 30 Jun 2025 — see the “As of” column.',

	'compare.map': 'Tile map',
	'compare.mapHelp':
		'Each square is one province, placed roughly where it lies (north at the top). Tab into the map and use the arrow keys to move between squares.',
	'compare.mapLabel': 'Tile map of {total} provinces, coloured by {indicator} in {year}. With data: {summary}.',
	'compare.legend': 'Legend',
	'compare.legend.noData': 'No data',
	'compare.legend.selected': 'Selected province',
	'compare.tileHint': 'Press Enter to select this province',

	'compare.ranking': 'Ranking',
	'compare.rankingLabel': 'Bar chart ranking {indicator} in {year}: {summary}.',
	'compare.noData': 'no data',
	'compare.others': 'And {n} other provinces: no data in the dataset',
	'compare.othersList': 'List',

	'compare.table': 'Values and sources',
	'compare.tableCaption': '{indicator} — {year}, {view}',
	'compare.col.rank': 'Rank',
	'compare.col.province': 'Province',
	'compare.col.value': 'Value',
	'compare.col.perCommune': 'Per commune-level unit',
	'compare.col.communes': 'Commune-level units',
	'compare.col.parts': 'Numerator / denominator',
	'compare.col.asOf': 'As of',
	'compare.col.source': 'Source',

	'compare.reason.ended': 'Merged on 1 Jul 2025',
	'compare.reason.no_figure': 'No data for {year}',
	'compare.reason.no_data': 'No data (not in the dataset)',
	'compare.reason.no_denominator': 'Commune-level units unknown',
	'compare.unknown': 'unknown',
	'compare.fromRecords': 'Computed from: {dataset}',
	'compare.fromObservations': 'Observations: {sources}',
	'compare.published': 'Published: {value} on {date} — {source}',

	'compare.empty': 'No data for {year} for this indicator in any province ({view}).',
	'compare.emptyOld': 'The old provinces merged on 1 Jul 2025: choose the 34-province system to see {year}.'
};

export const compare = { vi, en };
