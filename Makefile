PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/onrecord extract src/onrecord/examples/liveblog-climate-talks.html --format table

test: $(STAMP)
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/onrecord eval polnear ../shared/data/polnear/dev

clean:
	rm -rf $(VENV) build src/*.egg-info
