/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorboard = $root.tensorboard = (() => {

    const tensorboard = {};

    tensorboard.Event = (function() {

        const Event = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Event.prototype.wallTime = 0;
        Event.prototype.step = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Event.prototype.fileVersion = null;
        Event.prototype.graphDef = null;
        Event.prototype.summary = null;
        Event.prototype.sessionLog = null;
        Event.prototype.taggedRunMetadata = null;
        Event.prototype.metaGraphDef = null;
        Event.prototype.sourceMetadata = null;

        let $oneOfFields;

        $Object.defineProperty(Event.prototype, "what", {
            get: $util.oneOfGetter($oneOfFields = ["fileVersion", "graphDef", "summary", "sessionLog", "taggedRunMetadata", "metaGraphDef"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        Event.create = function(properties) {
            return new Event(properties);
        };

        Event.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.wallTime != null && $Object.hasOwnProperty.call(m, "wallTime") && !$Object.is(m.wallTime, 0))
                w.uint32(9).double(m.wallTime);
            if (m.step != null && $Object.hasOwnProperty.call(m, "step") && (typeof m.step === "object" ? m.step.low || m.step.high : m.step !== 0))
                w.uint32(16).int64(m.step);
            if (m.fileVersion != null && $Object.hasOwnProperty.call(m, "fileVersion"))
                w.uint32(26).string(m.fileVersion);
            if (m.graphDef != null && $Object.hasOwnProperty.call(m, "graphDef"))
                w.uint32(34).bytes(m.graphDef);
            if (m.summary != null && $Object.hasOwnProperty.call(m, "summary"))
                $root.tensorboard.Summary.encode(m.summary, w.uint32(42).fork(), q + 1).ldelim();
            if (m.sessionLog != null && $Object.hasOwnProperty.call(m, "sessionLog"))
                $root.tensorboard.SessionLog.encode(m.sessionLog, w.uint32(58).fork(), q + 1).ldelim();
            if (m.taggedRunMetadata != null && $Object.hasOwnProperty.call(m, "taggedRunMetadata"))
                $root.tensorboard.TaggedRunMetadata.encode(m.taggedRunMetadata, w.uint32(66).fork(), q + 1).ldelim();
            if (m.metaGraphDef != null && $Object.hasOwnProperty.call(m, "metaGraphDef"))
                w.uint32(74).bytes(m.metaGraphDef);
            if (m.sourceMetadata != null && $Object.hasOwnProperty.call(m, "sourceMetadata"))
                $root.tensorboard.SourceMetadata.encode(m.sourceMetadata, w.uint32(82).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Event.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Event();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.wallTime = v;
                        else
                            delete m.wallTime;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.step = v;
                        else
                            delete m.step;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.fileVersion = r.stringVerify();
                        m.what = "fileVersion";
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        m.graphDef = r.bytes();
                        m.what = "graphDef";
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        m.summary = $root.tensorboard.Summary.decode(r, r.size(), $undefined, q + 1, m.summary);
                        m.what = "summary";
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        m.sessionLog = $root.tensorboard.SessionLog.decode(r, r.size(), $undefined, q + 1, m.sessionLog);
                        m.what = "sessionLog";
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        m.taggedRunMetadata = $root.tensorboard.TaggedRunMetadata.decode(r, r.size(), $undefined, q + 1, m.taggedRunMetadata);
                        m.what = "taggedRunMetadata";
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.metaGraphDef = r.bytes();
                        m.what = "metaGraphDef";
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        m.sourceMetadata = $root.tensorboard.SourceMetadata.decode(r, r.size(), $undefined, q + 1, m.sourceMetadata);
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return Event;
    })();

    tensorboard.SourceMetadata = (function() {

        const SourceMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SourceMetadata.prototype.writer = "";

        SourceMetadata.create = function(properties) {
            return new SourceMetadata(properties);
        };

        SourceMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.writer != null && $Object.hasOwnProperty.call(m, "writer") && m.writer !== "")
                w.uint32(10).string(m.writer);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SourceMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SourceMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.writer = v;
                        else
                            delete m.writer;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return SourceMetadata;
    })();

    tensorboard.SessionLog = (function() {

        const SessionLog = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SessionLog.prototype.status = 0;
        SessionLog.prototype.checkpointPath = "";
        SessionLog.prototype.msg = "";

        SessionLog.create = function(properties) {
            return new SessionLog(properties);
        };

        SessionLog.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                w.uint32(8).int32(m.status);
            if (m.checkpointPath != null && $Object.hasOwnProperty.call(m, "checkpointPath") && m.checkpointPath !== "")
                w.uint32(18).string(m.checkpointPath);
            if (m.msg != null && $Object.hasOwnProperty.call(m, "msg") && m.msg !== "")
                w.uint32(26).string(m.msg);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SessionLog.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SessionLog();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.status = v;
                        else
                            delete m.status;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.checkpointPath = v;
                        else
                            delete m.checkpointPath;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.msg = v;
                        else
                            delete m.msg;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        SessionLog.SessionStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "START"] = 1;
            values[valuesById[2] = "STOP"] = 2;
            values[valuesById[3] = "CHECKPOINT"] = 3;
            return values;
        })();

        return SessionLog;
    })();

    tensorboard.TaggedRunMetadata = (function() {

        const TaggedRunMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TaggedRunMetadata.prototype.tag = "";
        TaggedRunMetadata.prototype.runMetadata = $util.newBuffer([]);

        TaggedRunMetadata.create = function(properties) {
            return new TaggedRunMetadata(properties);
        };

        TaggedRunMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                w.uint32(10).string(m.tag);
            if (m.runMetadata != null && $Object.hasOwnProperty.call(m, "runMetadata") && m.runMetadata.length)
                w.uint32(18).bytes(m.runMetadata);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TaggedRunMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TaggedRunMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.tag = v;
                        else
                            delete m.tag;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.runMetadata = v;
                        else
                            delete m.runMetadata;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return TaggedRunMetadata;
    })();

    tensorboard.DataClass = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DATA_CLASS_UNKNOWN"] = 0;
        values[valuesById[1] = "DATA_CLASS_SCALAR"] = 1;
        values[valuesById[2] = "DATA_CLASS_TENSOR"] = 2;
        values[valuesById[3] = "DATA_CLASS_BLOB_SEQUENCE"] = 3;
        return values;
    })();

    tensorboard.SummaryMetadata = (function() {

        const SummaryMetadata = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        SummaryMetadata.prototype.pluginData = null;
        SummaryMetadata.prototype.displayName = "";
        SummaryMetadata.prototype.summaryDescription = "";
        SummaryMetadata.prototype.dataClass = 0;

        SummaryMetadata.create = function(properties) {
            return new SummaryMetadata(properties);
        };

        SummaryMetadata.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.pluginData != null && $Object.hasOwnProperty.call(m, "pluginData"))
                $root.tensorboard.SummaryMetadata.PluginData.encode(m.pluginData, w.uint32(10).fork(), q + 1).ldelim();
            if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                w.uint32(18).string(m.displayName);
            if (m.summaryDescription != null && $Object.hasOwnProperty.call(m, "summaryDescription") && m.summaryDescription !== "")
                w.uint32(26).string(m.summaryDescription);
            if (m.dataClass != null && $Object.hasOwnProperty.call(m, "dataClass") && m.dataClass !== 0)
                w.uint32(32).int32(m.dataClass);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        SummaryMetadata.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.SummaryMetadata();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.pluginData = $root.tensorboard.SummaryMetadata.PluginData.decode(r, r.size(), $undefined, q + 1, m.pluginData);
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.displayName = v;
                        else
                            delete m.displayName;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.summaryDescription = v;
                        else
                            delete m.summaryDescription;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.dataClass = v;
                        else
                            delete m.dataClass;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        SummaryMetadata.PluginData = (function() {

            const PluginData = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            PluginData.prototype.pluginName = "";
            PluginData.prototype.content = $util.newBuffer([]);

            PluginData.create = function(properties) {
                return new PluginData(properties);
            };

            PluginData.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.pluginName != null && $Object.hasOwnProperty.call(m, "pluginName") && m.pluginName !== "")
                    w.uint32(10).string(m.pluginName);
                if (m.content != null && $Object.hasOwnProperty.call(m, "content") && m.content.length)
                    w.uint32(18).bytes(m.content);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            PluginData.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.SummaryMetadata.PluginData();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pluginName = v;
                            else
                                delete m.pluginName;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.content = v;
                            else
                                delete m.content;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return PluginData;
        })();

        return SummaryMetadata;
    })();

    tensorboard.Summary = (function() {

        const Summary = function (p) {
            this.value = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Summary.prototype.value = $util.emptyArray;

        Summary.create = function(properties) {
            return new Summary(properties);
        };

        Summary.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.value != null && m.value.length) {
                for (var i = 0; i < m.value.length; ++i)
                    $root.tensorboard.Summary.Value.encode(m.value[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Summary.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Summary();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.value && m.value.length))
                            m.value = [];
                        m.value.push($root.tensorboard.Summary.Value.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Summary.Image = (function() {

            const Image = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Image.prototype.height = 0;
            Image.prototype.width = 0;
            Image.prototype.colorspace = 0;
            Image.prototype.encodedImageString = $util.newBuffer([]);

            Image.create = function(properties) {
                return new Image(properties);
            };

            Image.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.height != null && $Object.hasOwnProperty.call(m, "height") && m.height !== 0)
                    w.uint32(8).int32(m.height);
                if (m.width != null && $Object.hasOwnProperty.call(m, "width") && m.width !== 0)
                    w.uint32(16).int32(m.width);
                if (m.colorspace != null && $Object.hasOwnProperty.call(m, "colorspace") && m.colorspace !== 0)
                    w.uint32(24).int32(m.colorspace);
                if (m.encodedImageString != null && $Object.hasOwnProperty.call(m, "encodedImageString") && m.encodedImageString.length)
                    w.uint32(34).bytes(m.encodedImageString);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Image.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Image();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.height = v;
                            else
                                delete m.height;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.width = v;
                            else
                                delete m.width;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.colorspace = v;
                            else
                                delete m.colorspace;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.encodedImageString = v;
                            else
                                delete m.encodedImageString;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Image;
        })();

        Summary.Audio = (function() {

            const Audio = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Audio.prototype.sampleRate = 0;
            Audio.prototype.numChannels = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.lengthFrames = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Audio.prototype.encodedAudioString = $util.newBuffer([]);
            Audio.prototype.contentType = "";

            Audio.create = function(properties) {
                return new Audio(properties);
            };

            Audio.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sampleRate != null && $Object.hasOwnProperty.call(m, "sampleRate") && !$Object.is(m.sampleRate, 0))
                    w.uint32(13).float(m.sampleRate);
                if (m.numChannels != null && $Object.hasOwnProperty.call(m, "numChannels") && (typeof m.numChannels === "object" ? m.numChannels.low || m.numChannels.high : m.numChannels !== 0))
                    w.uint32(16).int64(m.numChannels);
                if (m.lengthFrames != null && $Object.hasOwnProperty.call(m, "lengthFrames") && (typeof m.lengthFrames === "object" ? m.lengthFrames.low || m.lengthFrames.high : m.lengthFrames !== 0))
                    w.uint32(24).int64(m.lengthFrames);
                if (m.encodedAudioString != null && $Object.hasOwnProperty.call(m, "encodedAudioString") && m.encodedAudioString.length)
                    w.uint32(34).bytes(m.encodedAudioString);
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(42).string(m.contentType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Audio.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Audio();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.sampleRate = v;
                            else
                                delete m.sampleRate;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.numChannels = v;
                            else
                                delete m.numChannels;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.lengthFrames = v;
                            else
                                delete m.lengthFrames;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.encodedAudioString = v;
                            else
                                delete m.encodedAudioString;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Audio;
        })();

        Summary.Value = (function() {

            const Value = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Value.prototype.nodeName = "";
            Value.prototype.tag = "";
            Value.prototype.metadata = null;
            Value.prototype.simpleValue = null;
            Value.prototype.obsoleteOldStyleHistogram = null;
            Value.prototype.image = null;
            Value.prototype.histo = null;
            Value.prototype.audio = null;
            Value.prototype.tensor = null;

            let $oneOfFields;

            $Object.defineProperty(Value.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["simpleValue", "obsoleteOldStyleHistogram", "image", "histo", "audio", "tensor"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.create = function(properties) {
                return new Value(properties);
            };

            Value.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                    w.uint32(10).string(m.tag);
                if (m.simpleValue != null && $Object.hasOwnProperty.call(m, "simpleValue"))
                    w.uint32(21).float(m.simpleValue);
                if (m.obsoleteOldStyleHistogram != null && $Object.hasOwnProperty.call(m, "obsoleteOldStyleHistogram"))
                    w.uint32(26).bytes(m.obsoleteOldStyleHistogram);
                if (m.image != null && $Object.hasOwnProperty.call(m, "image"))
                    $root.tensorboard.Summary.Image.encode(m.image, w.uint32(34).fork(), q + 1).ldelim();
                if (m.histo != null && $Object.hasOwnProperty.call(m, "histo"))
                    $root.tensorboard.HistogramProto.encode(m.histo, w.uint32(42).fork(), q + 1).ldelim();
                if (m.audio != null && $Object.hasOwnProperty.call(m, "audio"))
                    $root.tensorboard.Summary.Audio.encode(m.audio, w.uint32(50).fork(), q + 1).ldelim();
                if (m.nodeName != null && $Object.hasOwnProperty.call(m, "nodeName") && m.nodeName !== "")
                    w.uint32(58).string(m.nodeName);
                if (m.tensor != null && $Object.hasOwnProperty.call(m, "tensor"))
                    $root.tensorboard.TensorProto.encode(m.tensor, w.uint32(66).fork(), q + 1).ldelim();
                if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata"))
                    $root.tensorboard.SummaryMetadata.encode(m.metadata, w.uint32(74).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Value.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.Summary.Value();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nodeName = v;
                            else
                                delete m.nodeName;
                            continue;
                        }
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tag = v;
                            else
                                delete m.tag;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.metadata = $root.tensorboard.SummaryMetadata.decode(r, r.size(), $undefined, q + 1, m.metadata);
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            m.simpleValue = r.float();
                            m.value = "simpleValue";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.obsoleteOldStyleHistogram = r.bytes();
                            m.value = "obsoleteOldStyleHistogram";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.image = $root.tensorboard.Summary.Image.decode(r, r.size(), $undefined, q + 1, m.image);
                            m.value = "image";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.histo = $root.tensorboard.HistogramProto.decode(r, r.size(), $undefined, q + 1, m.histo);
                            m.value = "histo";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.audio = $root.tensorboard.Summary.Audio.decode(r, r.size(), $undefined, q + 1, m.audio);
                            m.value = "audio";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.tensor = $root.tensorboard.TensorProto.decode(r, r.size(), $undefined, q + 1, m.tensor);
                            m.value = "tensor";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Value;
        })();

        return Summary;
    })();

    tensorboard.HistogramProto = (function() {

        const HistogramProto = function (p) {
            this.bucketLimit = [];
            this.bucket = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        HistogramProto.prototype.min = 0;
        HistogramProto.prototype.max = 0;
        HistogramProto.prototype.num = 0;
        HistogramProto.prototype.sum = 0;
        HistogramProto.prototype.sumSquares = 0;
        HistogramProto.prototype.bucketLimit = $util.emptyArray;
        HistogramProto.prototype.bucket = $util.emptyArray;

        HistogramProto.create = function(properties) {
            return new HistogramProto(properties);
        };

        HistogramProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.min != null && $Object.hasOwnProperty.call(m, "min") && !$Object.is(m.min, 0))
                w.uint32(9).double(m.min);
            if (m.max != null && $Object.hasOwnProperty.call(m, "max") && !$Object.is(m.max, 0))
                w.uint32(17).double(m.max);
            if (m.num != null && $Object.hasOwnProperty.call(m, "num") && !$Object.is(m.num, 0))
                w.uint32(25).double(m.num);
            if (m.sum != null && $Object.hasOwnProperty.call(m, "sum") && !$Object.is(m.sum, 0))
                w.uint32(33).double(m.sum);
            if (m.sumSquares != null && $Object.hasOwnProperty.call(m, "sumSquares") && !$Object.is(m.sumSquares, 0))
                w.uint32(41).double(m.sumSquares);
            if (m.bucketLimit != null && m.bucketLimit.length) {
                w.uint32(50).doubles(m.bucketLimit);
            }
            if (m.bucket != null && m.bucket.length) {
                w.uint32(58).doubles(m.bucket);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        HistogramProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.HistogramProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.min = v;
                        else
                            delete m.min;
                        continue;
                    }
                case 2: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.max = v;
                        else
                            delete m.max;
                        continue;
                    }
                case 3: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.num = v;
                        else
                            delete m.num;
                        continue;
                    }
                case 4: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.sum = v;
                        else
                            delete m.sum;
                        continue;
                    }
                case 5: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.sumSquares = v;
                        else
                            delete m.sumSquares;
                        continue;
                    }
                case 6: {
                        if (u === 2) {
                            if (!(m.bucketLimit && m.bucketLimit.length))
                                m.bucketLimit = [];
                            r.doubles(m.bucketLimit);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.bucketLimit && m.bucketLimit.length))
                            m.bucketLimit = [];
                        m.bucketLimit.push(r.double());
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.bucket && m.bucket.length))
                                m.bucket = [];
                            r.doubles(m.bucket);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.bucket && m.bucket.length))
                            m.bucket = [];
                        m.bucket.push(r.double());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return HistogramProto;
    })();

    tensorboard.DataType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "DT_INVALID"] = 0;
        values[valuesById[1] = "DT_FLOAT"] = 1;
        values[valuesById[2] = "DT_DOUBLE"] = 2;
        values[valuesById[3] = "DT_INT32"] = 3;
        values[valuesById[4] = "DT_UINT8"] = 4;
        values[valuesById[5] = "DT_INT16"] = 5;
        values[valuesById[6] = "DT_INT8"] = 6;
        values[valuesById[7] = "DT_STRING"] = 7;
        values[valuesById[9] = "DT_INT64"] = 9;
        values[valuesById[10] = "DT_BOOL"] = 10;
        values[valuesById[19] = "DT_HALF"] = 19;
        return values;
    })();

    tensorboard.TensorShapeProto = (function() {

        const TensorShapeProto = function (p) {
            this.dim = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TensorShapeProto.prototype.dim = $util.emptyArray;
        TensorShapeProto.prototype.unknownRank = false;

        TensorShapeProto.create = function(properties) {
            return new TensorShapeProto(properties);
        };

        TensorShapeProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dim != null && m.dim.length) {
                for (var i = 0; i < m.dim.length; ++i)
                    $root.tensorboard.TensorShapeProto.Dim.encode(m.dim[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.unknownRank != null && $Object.hasOwnProperty.call(m, "unknownRank") && m.unknownRank !== false)
                w.uint32(24).bool(m.unknownRank);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TensorShapeProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TensorShapeProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.dim && m.dim.length))
                            m.dim = [];
                        m.dim.push($root.tensorboard.TensorShapeProto.Dim.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.unknownRank = v;
                        else
                            delete m.unknownRank;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        TensorShapeProto.Dim = (function() {

            const Dim = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Dim.prototype.name = "";

            Dim.create = function(properties) {
                return new Dim(properties);
            };

            Dim.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                    w.uint32(8).int64(m.size);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(18).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Dim.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.TensorShapeProto.Dim();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    tensorboard.TensorProto = (function() {

        const TensorProto = function (p) {
            this.floatVal = [];
            this.doubleVal = [];
            this.intVal = [];
            this.stringVal = [];
            this.int64Val = [];
            this.boolVal = [];
            this.halfVal = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        TensorProto.prototype.dtype = 0;
        TensorProto.prototype.tensorShape = null;
        TensorProto.prototype.versionNumber = 0;
        TensorProto.prototype.tensorContent = $util.newBuffer([]);
        TensorProto.prototype.floatVal = $util.emptyArray;
        TensorProto.prototype.doubleVal = $util.emptyArray;
        TensorProto.prototype.intVal = $util.emptyArray;
        TensorProto.prototype.stringVal = $util.emptyArray;
        TensorProto.prototype.int64Val = $util.emptyArray;
        TensorProto.prototype.boolVal = $util.emptyArray;
        TensorProto.prototype.halfVal = $util.emptyArray;

        TensorProto.create = function(properties) {
            return new TensorProto(properties);
        };

        TensorProto.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.dtype != null && $Object.hasOwnProperty.call(m, "dtype") && m.dtype !== 0)
                w.uint32(8).int32(m.dtype);
            if (m.tensorShape != null && $Object.hasOwnProperty.call(m, "tensorShape"))
                $root.tensorboard.TensorShapeProto.encode(m.tensorShape, w.uint32(18).fork(), q + 1).ldelim();
            if (m.versionNumber != null && $Object.hasOwnProperty.call(m, "versionNumber") && m.versionNumber !== 0)
                w.uint32(24).int32(m.versionNumber);
            if (m.tensorContent != null && $Object.hasOwnProperty.call(m, "tensorContent") && m.tensorContent.length)
                w.uint32(34).bytes(m.tensorContent);
            if (m.floatVal != null && m.floatVal.length) {
                w.uint32(42).floats(m.floatVal);
            }
            if (m.doubleVal != null && m.doubleVal.length) {
                w.uint32(50).doubles(m.doubleVal);
            }
            if (m.intVal != null && m.intVal.length) {
                w.uint32(58).int32s(m.intVal);
            }
            if (m.stringVal != null && m.stringVal.length) {
                for (var i = 0; i < m.stringVal.length; ++i)
                    w.uint32(66).bytes(m.stringVal[i]);
            }
            if (m.int64Val != null && m.int64Val.length) {
                w.uint32(82).int64s(m.int64Val);
            }
            if (m.boolVal != null && m.boolVal.length) {
                w.uint32(90).bools(m.boolVal);
            }
            if (m.halfVal != null && m.halfVal.length) {
                w.uint32(106).int32s(m.halfVal);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        TensorProto.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.TensorProto();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.dtype = v;
                        else
                            delete m.dtype;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.tensorShape = $root.tensorboard.TensorShapeProto.decode(r, r.size(), $undefined, q + 1, m.tensorShape);
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.versionNumber = v;
                        else
                            delete m.versionNumber;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.tensorContent = v;
                        else
                            delete m.tensorContent;
                        continue;
                    }
                case 5: {
                        if (u === 2) {
                            if (!(m.floatVal && m.floatVal.length))
                                m.floatVal = [];
                            r.floats(m.floatVal);
                            continue;
                        }
                        if (u !== 5)
                            break;
                        if (!(m.floatVal && m.floatVal.length))
                            m.floatVal = [];
                        m.floatVal.push(r.float());
                        continue;
                    }
                case 6: {
                        if (u === 2) {
                            if (!(m.doubleVal && m.doubleVal.length))
                                m.doubleVal = [];
                            r.doubles(m.doubleVal);
                            continue;
                        }
                        if (u !== 1)
                            break;
                        if (!(m.doubleVal && m.doubleVal.length))
                            m.doubleVal = [];
                        m.doubleVal.push(r.double());
                        continue;
                    }
                case 7: {
                        if (u === 2) {
                            if (!(m.intVal && m.intVal.length))
                                m.intVal = [];
                            r.int32s(m.intVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.intVal && m.intVal.length))
                            m.intVal = [];
                        m.intVal.push(r.int32());
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if (!(m.stringVal && m.stringVal.length))
                            m.stringVal = [];
                        m.stringVal.push(r.bytes());
                        continue;
                    }
                case 10: {
                        if (u === 2) {
                            if (!(m.int64Val && m.int64Val.length))
                                m.int64Val = [];
                            r.int64s(m.int64Val);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.int64Val && m.int64Val.length))
                            m.int64Val = [];
                        m.int64Val.push(r.int64());
                        continue;
                    }
                case 11: {
                        if (u === 2) {
                            if (!(m.boolVal && m.boolVal.length))
                                m.boolVal = [];
                            r.bools(m.boolVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.boolVal && m.boolVal.length))
                            m.boolVal = [];
                        m.boolVal.push(r.bool());
                        continue;
                    }
                case 13: {
                        if (u === 2) {
                            if (!(m.halfVal && m.halfVal.length))
                                m.halfVal = [];
                            r.int32s(m.halfVal);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.halfVal && m.halfVal.length))
                            m.halfVal = [];
                        m.halfVal.push(r.int32());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return TensorProto;
    })();

    tensorboard.hparams = (function() {

        const hparams = {};

        hparams.DataType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATA_TYPE_UNSET"] = 0;
            values[valuesById[1] = "DATA_TYPE_STRING"] = 1;
            values[valuesById[2] = "DATA_TYPE_BOOL"] = 2;
            values[valuesById[3] = "DATA_TYPE_FLOAT64"] = 3;
            return values;
        })();

        hparams.DatasetType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DATASET_UNKNOWN"] = 0;
            values[valuesById[1] = "DATASET_TRAINING"] = 1;
            values[valuesById[2] = "DATASET_VALIDATION"] = 2;
            return values;
        })();

        hparams.Status = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STATUS_UNKNOWN"] = 0;
            values[valuesById[1] = "STATUS_SUCCESS"] = 1;
            values[valuesById[2] = "STATUS_FAILURE"] = 2;
            values[valuesById[3] = "STATUS_RUNNING"] = 3;
            return values;
        })();

        hparams.Interval = (function() {

            const Interval = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Interval.prototype.minValue = 0;
            Interval.prototype.maxValue = 0;

            Interval.create = function(properties) {
                return new Interval(properties);
            };

            Interval.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.minValue != null && $Object.hasOwnProperty.call(m, "minValue") && !$Object.is(m.minValue, 0))
                    w.uint32(9).double(m.minValue);
                if (m.maxValue != null && $Object.hasOwnProperty.call(m, "maxValue") && !$Object.is(m.maxValue, 0))
                    w.uint32(17).double(m.maxValue);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Interval.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.Interval();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.minValue = v;
                            else
                                delete m.minValue;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.maxValue = v;
                            else
                                delete m.maxValue;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Interval;
        })();

        hparams.HParamInfo = (function() {

            const HParamInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HParamInfo.prototype.name = "";
            HParamInfo.prototype.displayName = "";
            HParamInfo.prototype.description = "";
            HParamInfo.prototype.type = 0;
            HParamInfo.prototype.domainDiscrete = null;
            HParamInfo.prototype.domainInterval = null;

            let $oneOfFields;

            $Object.defineProperty(HParamInfo.prototype, "domain", {
                get: $util.oneOfGetter($oneOfFields = ["domainDiscrete", "domainInterval"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamInfo.create = function(properties) {
                return new HParamInfo(properties);
            };

            HParamInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                    w.uint32(18).string(m.displayName);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(26).string(m.description);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                    w.uint32(32).int32(m.type);
                if (m.domainDiscrete != null && $Object.hasOwnProperty.call(m, "domainDiscrete"))
                    $root.google.protobuf.ListValue.encode(m.domainDiscrete, w.uint32(42).fork(), q + 1).ldelim();
                if (m.domainInterval != null && $Object.hasOwnProperty.call(m, "domainInterval"))
                    $root.tensorboard.hparams.Interval.encode(m.domainInterval, w.uint32(50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            HParamInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.HParamInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.displayName = v;
                            else
                                delete m.displayName;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.domainDiscrete = $root.google.protobuf.ListValue.decode(r, r.size(), $undefined, q + 1, m.domainDiscrete);
                            m.domain = "domainDiscrete";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.domainInterval = $root.tensorboard.hparams.Interval.decode(r, r.size(), $undefined, q + 1, m.domainInterval);
                            m.domain = "domainInterval";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return HParamInfo;
        })();

        hparams.MetricName = (function() {

            const MetricName = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MetricName.prototype.group = "";
            MetricName.prototype.tag = "";

            MetricName.create = function(properties) {
                return new MetricName(properties);
            };

            MetricName.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.group != null && $Object.hasOwnProperty.call(m, "group") && m.group !== "")
                    w.uint32(10).string(m.group);
                if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                    w.uint32(18).string(m.tag);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MetricName.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.MetricName();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.group = v;
                            else
                                delete m.group;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tag = v;
                            else
                                delete m.tag;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return MetricName;
        })();

        hparams.MetricInfo = (function() {

            const MetricInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MetricInfo.prototype.name = null;
            MetricInfo.prototype.displayName = "";
            MetricInfo.prototype.description = "";
            MetricInfo.prototype.datasetType = 0;

            MetricInfo.create = function(properties) {
                return new MetricInfo(properties);
            };

            MetricInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name"))
                    $root.tensorboard.hparams.MetricName.encode(m.name, w.uint32(10).fork(), q + 1).ldelim();
                if (m.displayName != null && $Object.hasOwnProperty.call(m, "displayName") && m.displayName !== "")
                    w.uint32(26).string(m.displayName);
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(34).string(m.description);
                if (m.datasetType != null && $Object.hasOwnProperty.call(m, "datasetType") && m.datasetType !== 0)
                    w.uint32(40).int32(m.datasetType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MetricInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.MetricInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.name = $root.tensorboard.hparams.MetricName.decode(r, r.size(), $undefined, q + 1, m.name);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.displayName = v;
                            else
                                delete m.displayName;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.datasetType = v;
                            else
                                delete m.datasetType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return MetricInfo;
        })();

        hparams.Experiment = (function() {

            const Experiment = function (p) {
                this.hparamInfos = [];
                this.metricInfos = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Experiment.prototype.name = "";
            Experiment.prototype.description = "";
            Experiment.prototype.user = "";
            Experiment.prototype.timeCreatedSecs = 0;
            Experiment.prototype.hparamInfos = $util.emptyArray;
            Experiment.prototype.metricInfos = $util.emptyArray;

            Experiment.create = function(properties) {
                return new Experiment(properties);
            };

            Experiment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.description != null && $Object.hasOwnProperty.call(m, "description") && m.description !== "")
                    w.uint32(10).string(m.description);
                if (m.user != null && $Object.hasOwnProperty.call(m, "user") && m.user !== "")
                    w.uint32(18).string(m.user);
                if (m.timeCreatedSecs != null && $Object.hasOwnProperty.call(m, "timeCreatedSecs") && !$Object.is(m.timeCreatedSecs, 0))
                    w.uint32(25).double(m.timeCreatedSecs);
                if (m.hparamInfos != null && m.hparamInfos.length) {
                    for (var i = 0; i < m.hparamInfos.length; ++i)
                        $root.tensorboard.hparams.HParamInfo.encode(m.hparamInfos[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.metricInfos != null && m.metricInfos.length) {
                    for (var i = 0; i < m.metricInfos.length; ++i)
                        $root.tensorboard.hparams.MetricInfo.encode(m.metricInfos[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(50).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Experiment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.Experiment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.description = v;
                            else
                                delete m.description;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.user = v;
                            else
                                delete m.user;
                            continue;
                        }
                    case 3: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.timeCreatedSecs = v;
                            else
                                delete m.timeCreatedSecs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.hparamInfos && m.hparamInfos.length))
                                m.hparamInfos = [];
                            m.hparamInfos.push($root.tensorboard.hparams.HParamInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.metricInfos && m.metricInfos.length))
                                m.metricInfos = [];
                            m.metricInfos.push($root.tensorboard.hparams.MetricInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Experiment;
        })();

        hparams.SessionStartInfo = (function() {

            const SessionStartInfo = function (p) {
                this.hparams = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SessionStartInfo.prototype.hparams = $util.emptyObject;
            SessionStartInfo.prototype.modelUri = "";
            SessionStartInfo.prototype.monitorUrl = "";
            SessionStartInfo.prototype.groupName = "";
            SessionStartInfo.prototype.startTimeSecs = 0;

            SessionStartInfo.create = function(properties) {
                return new SessionStartInfo(properties);
            };

            SessionStartInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hparams != null && $Object.hasOwnProperty.call(m, "hparams")) {
                    for (var ks = $Object.keys(m.hparams), i = 0; i < ks.length; ++i) {
                        w.uint32(10).fork().uint32(10).string(ks[i]);
                        $root.google.protobuf.Value.encode(m.hparams[ks[i]], w.uint32(18).fork(), q + 1).ldelim().ldelim();
                    }
                }
                if (m.modelUri != null && $Object.hasOwnProperty.call(m, "modelUri") && m.modelUri !== "")
                    w.uint32(18).string(m.modelUri);
                if (m.monitorUrl != null && $Object.hasOwnProperty.call(m, "monitorUrl") && m.monitorUrl !== "")
                    w.uint32(26).string(m.monitorUrl);
                if (m.groupName != null && $Object.hasOwnProperty.call(m, "groupName") && m.groupName !== "")
                    w.uint32(34).string(m.groupName);
                if (m.startTimeSecs != null && $Object.hasOwnProperty.call(m, "startTimeSecs") && !$Object.is(m.startTimeSecs, 0))
                    w.uint32(41).double(m.startTimeSecs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SessionStartInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.SessionStartInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (m.hparams === $util.emptyObject)
                                m.hparams = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = null;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = $root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1, v);
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.hparams, k);
                            m.hparams[k] = v || new $root.google.protobuf.Value();
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.modelUri = v;
                            else
                                delete m.modelUri;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.monitorUrl = v;
                            else
                                delete m.monitorUrl;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.groupName = v;
                            else
                                delete m.groupName;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.startTimeSecs = v;
                            else
                                delete m.startTimeSecs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return SessionStartInfo;
        })();

        hparams.SessionEndInfo = (function() {

            const SessionEndInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SessionEndInfo.prototype.status = 0;
            SessionEndInfo.prototype.endTimeSecs = 0;

            SessionEndInfo.create = function(properties) {
                return new SessionEndInfo(properties);
            };

            SessionEndInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(8).int32(m.status);
                if (m.endTimeSecs != null && $Object.hasOwnProperty.call(m, "endTimeSecs") && !$Object.is(m.endTimeSecs, 0))
                    w.uint32(17).double(m.endTimeSecs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SessionEndInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.SessionEndInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.endTimeSecs = v;
                            else
                                delete m.endTimeSecs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return SessionEndInfo;
        })();

        hparams.HParamsPluginData = (function() {

            const HParamsPluginData = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            HParamsPluginData.prototype.version = 0;
            HParamsPluginData.prototype.experiment = null;
            HParamsPluginData.prototype.sessionStartInfo = null;
            HParamsPluginData.prototype.sessionEndInfo = null;

            let $oneOfFields;

            $Object.defineProperty(HParamsPluginData.prototype, "data", {
                get: $util.oneOfGetter($oneOfFields = ["experiment", "sessionStartInfo", "sessionEndInfo"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            HParamsPluginData.create = function(properties) {
                return new HParamsPluginData(properties);
            };

            HParamsPluginData.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(8).int32(m.version);
                if (m.experiment != null && $Object.hasOwnProperty.call(m, "experiment"))
                    $root.tensorboard.hparams.Experiment.encode(m.experiment, w.uint32(18).fork(), q + 1).ldelim();
                if (m.sessionStartInfo != null && $Object.hasOwnProperty.call(m, "sessionStartInfo"))
                    $root.tensorboard.hparams.SessionStartInfo.encode(m.sessionStartInfo, w.uint32(26).fork(), q + 1).ldelim();
                if (m.sessionEndInfo != null && $Object.hasOwnProperty.call(m, "sessionEndInfo"))
                    $root.tensorboard.hparams.SessionEndInfo.encode(m.sessionEndInfo, w.uint32(34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            HParamsPluginData.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.hparams.HParamsPluginData();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.experiment = $root.tensorboard.hparams.Experiment.decode(r, r.size(), $undefined, q + 1, m.experiment);
                            m.data = "experiment";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.sessionStartInfo = $root.tensorboard.hparams.SessionStartInfo.decode(r, r.size(), $undefined, q + 1, m.sessionStartInfo);
                            m.data = "sessionStartInfo";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.sessionEndInfo = $root.tensorboard.hparams.SessionEndInfo.decode(r, r.size(), $undefined, q + 1, m.sessionEndInfo);
                            m.data = "sessionEndInfo";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return HParamsPluginData;
        })();

        return hparams;
    })();

    tensorboard.MultilineChartContent = (function() {

        const MultilineChartContent = function (p) {
            this.tag = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        MultilineChartContent.prototype.tag = $util.emptyArray;

        MultilineChartContent.create = function(properties) {
            return new MultilineChartContent(properties);
        };

        MultilineChartContent.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.tag != null && m.tag.length) {
                for (var i = 0; i < m.tag.length; ++i)
                    w.uint32(10).string(m.tag[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        MultilineChartContent.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.MultilineChartContent();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.tag && m.tag.length))
                            m.tag = [];
                        m.tag.push(r.stringVerify());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return MultilineChartContent;
    })();

    tensorboard.MarginChartContent = (function() {

        const MarginChartContent = function (p) {
            this.series = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        MarginChartContent.prototype.series = $util.emptyArray;

        MarginChartContent.create = function(properties) {
            return new MarginChartContent(properties);
        };

        MarginChartContent.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.series != null && m.series.length) {
                for (var i = 0; i < m.series.length; ++i)
                    $root.tensorboard.MarginChartContent.Series.encode(m.series[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        MarginChartContent.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.MarginChartContent();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.series && m.series.length))
                            m.series = [];
                        m.series.push($root.tensorboard.MarginChartContent.Series.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        MarginChartContent.Series = (function() {

            const Series = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Series.prototype.value = "";
            Series.prototype.lower = "";
            Series.prototype.upper = "";

            Series.create = function(properties) {
                return new Series(properties);
            };

            Series.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.value != null && $Object.hasOwnProperty.call(m, "value") && m.value !== "")
                    w.uint32(10).string(m.value);
                if (m.lower != null && $Object.hasOwnProperty.call(m, "lower") && m.lower !== "")
                    w.uint32(18).string(m.lower);
                if (m.upper != null && $Object.hasOwnProperty.call(m, "upper") && m.upper !== "")
                    w.uint32(26).string(m.upper);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Series.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tensorboard.MarginChartContent.Series();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.value = v;
                            else
                                delete m.value;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lower = v;
                            else
                                delete m.lower;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.upper = v;
                            else
                                delete m.upper;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Series;
        })();

        return MarginChartContent;
    })();

    tensorboard.Chart = (function() {

        const Chart = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Chart.prototype.title = "";
        Chart.prototype.multiline = null;
        Chart.prototype.margin = null;

        let $oneOfFields;

        $Object.defineProperty(Chart.prototype, "content", {
            get: $util.oneOfGetter($oneOfFields = ["multiline", "margin"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        Chart.create = function(properties) {
            return new Chart(properties);
        };

        Chart.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.title != null && $Object.hasOwnProperty.call(m, "title") && m.title !== "")
                w.uint32(10).string(m.title);
            if (m.multiline != null && $Object.hasOwnProperty.call(m, "multiline"))
                $root.tensorboard.MultilineChartContent.encode(m.multiline, w.uint32(18).fork(), q + 1).ldelim();
            if (m.margin != null && $Object.hasOwnProperty.call(m, "margin"))
                $root.tensorboard.MarginChartContent.encode(m.margin, w.uint32(26).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Chart.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Chart();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.title = v;
                        else
                            delete m.title;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.multiline = $root.tensorboard.MultilineChartContent.decode(r, r.size(), $undefined, q + 1, m.multiline);
                        m.content = "multiline";
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.margin = $root.tensorboard.MarginChartContent.decode(r, r.size(), $undefined, q + 1, m.margin);
                        m.content = "margin";
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return Chart;
    })();

    tensorboard.Category = (function() {

        const Category = function (p) {
            this.chart = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Category.prototype.title = "";
        Category.prototype.chart = $util.emptyArray;
        Category.prototype.closed = false;

        Category.create = function(properties) {
            return new Category(properties);
        };

        Category.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.title != null && $Object.hasOwnProperty.call(m, "title") && m.title !== "")
                w.uint32(10).string(m.title);
            if (m.chart != null && m.chart.length) {
                for (var i = 0; i < m.chart.length; ++i)
                    $root.tensorboard.Chart.encode(m.chart[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.closed != null && $Object.hasOwnProperty.call(m, "closed") && m.closed !== false)
                w.uint32(24).bool(m.closed);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Category.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Category();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.title = v;
                        else
                            delete m.title;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.chart && m.chart.length))
                            m.chart = [];
                        m.chart.push($root.tensorboard.Chart.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.closed = v;
                        else
                            delete m.closed;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return Category;
    })();

    tensorboard.Layout = (function() {

        const Layout = function (p) {
            this.category = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Layout.prototype.version = 0;
        Layout.prototype.category = $util.emptyArray;

        Layout.create = function(properties) {
            return new Layout(properties);
        };

        Layout.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                w.uint32(8).int32(m.version);
            if (m.category != null && m.category.length) {
                for (var i = 0; i < m.category.length; ++i)
                    $root.tensorboard.Category.encode(m.category[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Layout.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.tensorboard.Layout();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.version = v;
                        else
                            delete m.version;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.category && m.category.length))
                            m.category = [];
                        m.category.push($root.tensorboard.Category.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        return Layout;
    })();

    return tensorboard;
})();

export const google = $root.google = (() => {

    const google = {};

    google.protobuf = (function() {

        const protobuf = {};

        protobuf.Struct = (function() {

            const Struct = function (p) {
                this.fields = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Struct.prototype.fields = $util.emptyObject;

            Struct.create = function(properties) {
                return new Struct(properties);
            };

            Struct.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.fields != null && $Object.hasOwnProperty.call(m, "fields")) {
                    for (var ks = $Object.keys(m.fields), i = 0; i < ks.length; ++i) {
                        w.uint32(10).fork().uint32(10).string(ks[i]);
                        $root.google.protobuf.Value.encode(m.fields[ks[i]], w.uint32(18).fork(), q + 1).ldelim().ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Struct.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.Struct();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (m.fields === $util.emptyObject)
                                m.fields = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = null;
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = $root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1, v);
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.fields, k);
                            m.fields[k] = v || new $root.google.protobuf.Value();
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Struct;
        })();

        protobuf.Value = (function() {

            const Value = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Value.prototype.nullValue = null;
            Value.prototype.numberValue = null;
            Value.prototype.stringValue = null;
            Value.prototype.boolValue = null;
            Value.prototype.structValue = null;
            Value.prototype.listValue = null;

            let $oneOfFields;

            $Object.defineProperty(Value.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["nullValue", "numberValue", "stringValue", "boolValue", "structValue", "listValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Value.create = function(properties) {
                return new Value(properties);
            };

            Value.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nullValue != null && $Object.hasOwnProperty.call(m, "nullValue"))
                    w.uint32(8).int32(m.nullValue);
                if (m.numberValue != null && $Object.hasOwnProperty.call(m, "numberValue"))
                    w.uint32(17).double(m.numberValue);
                if (m.stringValue != null && $Object.hasOwnProperty.call(m, "stringValue"))
                    w.uint32(26).string(m.stringValue);
                if (m.boolValue != null && $Object.hasOwnProperty.call(m, "boolValue"))
                    w.uint32(32).bool(m.boolValue);
                if (m.structValue != null && $Object.hasOwnProperty.call(m, "structValue"))
                    $root.google.protobuf.Struct.encode(m.structValue, w.uint32(42).fork(), q + 1).ldelim();
                if (m.listValue != null && $Object.hasOwnProperty.call(m, "listValue"))
                    $root.google.protobuf.ListValue.encode(m.listValue, w.uint32(50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Value.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.Value();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            m.nullValue = r.int32();
                            m.kind = "nullValue";
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            m.numberValue = r.double();
                            m.kind = "numberValue";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.stringValue = r.stringVerify();
                            m.kind = "stringValue";
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            m.boolValue = r.bool();
                            m.kind = "boolValue";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.structValue = $root.google.protobuf.Struct.decode(r, r.size(), $undefined, q + 1, m.structValue);
                            m.kind = "structValue";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.listValue = $root.google.protobuf.ListValue.decode(r, r.size(), $undefined, q + 1, m.listValue);
                            m.kind = "listValue";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return Value;
        })();

        protobuf.NullValue = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NULL_VALUE"] = 0;
            return values;
        })();

        protobuf.ListValue = (function() {

            const ListValue = function (p) {
                this.values = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListValue.prototype.values = $util.emptyArray;

            ListValue.create = function(properties) {
                return new ListValue(properties);
            };

            ListValue.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.values != null && m.values.length) {
                    for (var i = 0; i < m.values.length; ++i)
                        $root.google.protobuf.Value.encode(m.values[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListValue.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.google.protobuf.ListValue();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.values && m.values.length))
                                m.values = [];
                            m.values.push($root.google.protobuf.Value.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            return ListValue;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
