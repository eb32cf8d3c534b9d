# Interdict's HTTP service (`interdict serve`) in a Debian slim image.
#
#   docker build -t interdict .
#   docker run -p 8000:8000 -v interdict-data:/data interdict
#
# Two stages: the builder has the compiler and the ICU headers that PyICU (required by
# normality, which the name matcher uses) is compiled against; the final image has only the
# ICU runtime library that the compiled module links to. Both stages start from the same
# base image, so the ICU version found at build time is the one installed at run time.
# See docs/api.md, "Deploying with Docker".

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS builder

RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc g++ pkg-config libicu-dev \
    && rm -rf /var/lib/apt/lists/*

# The name of the ICU runtime package libicu-dev depends on (libicu72 on bookworm,
# libicu76 on trixie), for the final stage to install and nothing more.
RUN dpkg-query -W -f='${Depends}\n' libicu-dev | tr ',' '\n' \
        | grep -oE '^ *libicu[0-9]+\b' | tr -d ' ' > /icu-runtime-package \
    && test -s /icu-runtime-package

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/interdict
ENV PATH=/opt/interdict/bin:$PATH

WORKDIR /src
# The dependencies first, in their own layer, so that a change to Interdict's code does not
# compile PyICU again.
COPY pyproject.toml README.md ./
RUN python -m pip install --upgrade pip \
    && python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && python -m pip install -r /tmp/requirements.txt

COPY interdict ./interdict
RUN find interdict -name __pycache__ -prune -exec rm -rf {} + \
    && python -m pip install . \
    && interdict --help > /dev/null


FROM ${PYTHON_IMAGE}

COPY --from=builder /icu-runtime-package /tmp/icu-runtime-package
# The ICU runtime for PyICU; DejaVu fonts so that PDF case reports can print any name.
RUN apt-get update \
    && apt-get install -y --no-install-recommends "$(cat /tmp/icu-runtime-package)" fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* /tmp/icu-runtime-package

RUN groupadd --system --gid 10001 interdict \
    && useradd --system --uid 10001 --gid interdict --create-home --home-dir /home/interdict \
        --shell /usr/sbin/nologin interdict \
    && mkdir /data \
    && chown interdict:interdict /data

COPY --from=builder /opt/interdict /opt/interdict

# INTERDICT_HOME holds the SQLite store (unless INTERDICT_DB names PostgreSQL), the
# restricted-party lists' index files and the knowledge base's screening index.
ENV PATH=/opt/interdict/bin:$PATH \
    INTERDICT_HOME=/data \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1

USER interdict
WORKDIR /home/interdict
VOLUME ["/data"]
EXPOSE 8000

# /healthz needs no key; slim images have no curl, so Python asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

CMD ["interdict", "serve", "--host", "0.0.0.0", "--port", "8000"]
