#!/usr/bin/env python3
"""Makes the Excel workbooks kehu's import tests read, with openpyxl — a writer
independent of kehu — as an office would have them: a title row above the headers,
merged cells, real dates, mobile numbers stored as numbers, an empty trailing row, and a
second sheet. Run `python3 -m pip install openpyxl && python3 make-fixtures.py` here;
the .xlsx files are committed."""
import datetime
import os

from openpyxl import Workbook

here = os.path.dirname(os.path.abspath(__file__))

book = Workbook()
sheet = book.active
sheet.title = "客户名单"
sheet["A1"] = "华南区客户名单（2026 年 11 月）"
sheet.merge_cells("A1:F1")
# Row 2 is left empty, as title rows usually are.
sheet.append([])
sheet.append(["客户名称", "城市", "联系电话", "建档日期", "客户等级", "备注"])
sheet.append(["深圳市宏达（集团）有限公司", "深圳", 13800138000, datetime.date(2024, 3, 5), "B 重点", "老客户，年底前要报价！"])
sheet.append(["广州华南机电有限公司", "广州", 13912345678, datetime.datetime(2025, 1, 7, 14, 30), "C", "展会认识：王经理"])
sheet.append(["广州恒信五金商行", None, "020-8888 6666", datetime.date(2025, 12, 31), "A*", ""])
# 广州 covers rows 5 and 6, merged as offices do for a run of the same value.
sheet.merge_cells("B5:B6")
sheet["D4"].number_format = "yyyy/m/d"
sheet["D5"].number_format = "yyyy-mm-dd hh:mm"
sheet["D6"].number_format = "yyyy\"年\"m\"月\"d\"日\""
# An empty row at the end that Excel keeps (a formatted, valueless cell).
sheet["A8"].number_format = "@"
sheet["A8"] = ""

other = book.create_sheet("联系人")
other.append(["单位名称", "姓名", "手机", "生日"])
other.append(["深圳市宏达（集团）有限公司", "欧阳娜", 13700001111, datetime.date(1988, 6, 1)])
book.save(os.path.join(here, "customers-with-title.xlsx"))
