"""What a network's editor group may do with yearly reports: order and download its own
network's (the report views check the network; see views.py)."""

REPORT_PERMISSIONS = ("view_yearlyreport", "add_yearlyreport")
