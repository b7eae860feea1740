"""What a reader sees: prose and numbers, citations to the paper, the house chart style, chart helpers and the report template.
"""
