import Corroboration
import Foundation
import TextAnalysis

// `corroborate-train`: fits the agreement models on the public labelled sets in ../shared/data
// and, with --write, rewrites Sources/Corroboration/AgreementWeights.swift and
// BackgroundTermsData.swift. What it fits:
// - background document frequencies (IDF) over every text of the sets;
// - similarity: ridge regression to STS-B train scores / 5 (reported on STS-B dev);
// - bodyStance: softmax over 16 hidden tanh units, fitted to FNC-1 train without the hold-out
//   bodies (reported on the hold-out), then refitted on all of FNC-1 train;
// - bodyTerms: what `compare` reads a body with, the same features, `AgreementFeatures.cues` and
//   hashed word bags through 32 rectified units; its epochs chosen over five topic-disjoint
//   folds of FNC-1 (reported, with --fnc-folds alone), then reported on the hold-out and refitted;
// - sentenceStance and headlineStance: softmax over Emergent train and MRPC train together (a
//   paraphrase supports, a non-paraphrase discusses), split by whether b is a headline or a
//   sentence, over the shared measures plus `AgreementFeatures.wording`, the headline model also
//   over the words a headline adds to its claim; shortRelatedness: related against mismatched
//   pairs of the same sets. Reported by five-fold cross-validation, then refitted on all.
//
// usage: swift run -c release corroborate-train [--data ../shared/data] [--write] [--terms-only | --short-only]
//        swift run -c release corroborate-train --fnc-folds   (only the body network's five-fold estimate)

let arguments = CommandLine.arguments.dropFirst()
var dataPath = "../shared/data"
var write = false
var termsOnly = false
var shortOnly = false
var fncFolds = false
var iterator = arguments.makeIterator()
while let argument = iterator.next() {
    switch argument {
    case "--data": dataPath = iterator.next() ?? dataPath
    case "--write": write = true
    case "--terms-only": termsOnly = true
    case "--short-only": shortOnly = true
    case "--fnc-folds": fncFolds = true
    default:
        FileHandle.standardError.write(
            Data("usage: corroborate-train [--data DIR] [--write] [--terms-only | --short-only | --fnc-folds]\n".utf8))
        exit(2)
    }
}
let environment = ProcessInfo.processInfo.environment
if write, environment["TERM_CUES"] == "0" || environment["TERM_BAGS"].map({ $0 != "11" }) == true {
    FileHandle.standardError.write(Data("TERM_CUES and TERM_BAGS are for measuring, not with --write\n".utf8))
    exit(2)
}
let data = URL(fileURLWithPath: dataPath)
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func say(_ text: String) { print(text) }

guard let fnc = DataSets.fnc(data) else {
    say("FNC-1 is absent from \(data.path)/fnc1: nothing to train the body stance model on")
    exit(1)
}
let emergent = DataSets.emergent(data) ?? []
let stsTrain = DataSets.sts(data.appendingPathComponent("stsb/sts-train.csv")) ?? []
let stsDev = DataSets.sts(data.appendingPathComponent("stsb/sts-dev.csv")) ?? []
let mrpc = DataSets.mrpc(data) ?? []
say(
    "sets: FNC-1 \(fnc.train.count) + \(fnc.dev.count) hold-out, Emergent \(emergent.count), "
        + "STS-B \(stsTrain.count) + \(stsDev.count) dev, MRPC \(mrpc.count)")
for (name, set) in [("Emergent", emergent), ("STS-B", stsTrain), ("MRPC", mrpc)] where set.isEmpty {
    say("\(name) is absent: its model keeps the placeholder")
}

// 1. Background document frequencies over every distinct text.
var texts: [String] = []
var seenTexts = Set<String>()
for pair in fnc.train + fnc.dev + emergent + stsTrain + stsDev + mrpc {
    for text in [pair.a, pair.b] where seenTexts.insert(text).inserted { texts.append(text) }
}
var frequencies: [String: Int] = [:]
for text in texts {
    let language = LanguageIdentifier.identify(text).language
    var terms = Set<String>()
    for token in Tokenizer.tokens(of: text) {
        if let term = TermNormalizer.term(token, language: language) { terms.insert(term) }
    }
    for term in terms { frequencies[term, default: 0] += 1 }
}
frequencies = frequencies.filter { $0.value >= 2 }
let terms = BackgroundTerms(documentCount: texts.count, frequencies: frequencies)
say("background: \(texts.count) texts, \(frequencies.count) terms seen twice or more")

// 2. Every text prepared once, on every core.
let comparer = Comparer(terms: terms)
final class Box: @unchecked Sendable {
    var values: [ComparableText?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}
let box = Box(texts.count)
let start = Date()
let textList = texts
DispatchQueue.concurrentPerform(iterations: textList.count) { index in
    box.values[index] = comparer.prepare(textList[index])
}
var prepared: [String: ComparableText] = [:]
for (index, text) in texts.enumerated() { prepared[text] = box.values[index] }
say(String(format: "prepared %d texts in %.1f s", texts.count, Date().timeIntervalSince(start)))

@MainActor func features(_ pairs: [DataSets.Pair]) -> [[Double]] {
    pairs.map { AgreementFeatures.features(prepared[$0.a]!, prepared[$0.b]!) }
}

// 3. Similarity: ridge to STS-B.
var similarityModel = AgreementModels.bundled.similarity
if !stsTrain.isEmpty {
    let x = features(stsTrain)
    let (means, scales) = Fitting.standardization(x)
    let row = Fitting.ridge(Fitting.standardized(x, means, scales), targets: stsTrain.map { Double($0.label) / 100 })
    similarityModel = LinearModel(means: means, scales: scales, weights: [row])
    let predicted = features(stsDev).map { min(1, max(0, similarityModel.outputs($0)[0])) }
    let gold = stsDev.map { Double($0.label) }
    say(String(format: "STS-B dev Spearman x100: %.1f", 100 * Scores.spearman(predicted, gold)))
    for genre in Set(stsDev.map(\.group)).sorted() {
        let indices = stsDev.indices.filter { stsDev[$0].group == genre }
        let value = Scores.spearman(indices.map { predicted[$0] }, indices.map { gold[$0] })
        say(String(format: "  %@: %.1f (%d pairs)", genre, 100 * value, indices.count))
    }
}

// 4. Body stance: softmax on FNC-1.
/// A softmax over the features, through `units` hidden tanh units when there are any: FNC-1's
/// 50,000 pairs carry a hidden layer (disagree F1 0.21 to 0.28 on the hold-out); the short sets'
/// few thousand overfit one (Emergent's held-out fifth fell from 75% to 71%), so they stay linear.
@MainActor func fitSoftmax(_ pairs: [DataSets.Pair], classes: Int, power: Double, units: Int = 0) -> LinearModel {
    let x = features(pairs)
    let (means, scales) = Fitting.standardization(x)
    var counts = [Double](repeating: 0, count: classes)
    for pair in pairs { counts[pair.label] += 1 }
    let weights = counts.map { $0 > 0 ? pow(Double(pairs.count) / $0, power) : 0 }
    if units > 0 {
        let (hidden, output) = Fitting.network(
            Fitting.standardized(x, means, scales), labels: pairs.map(\.label), classes: classes,
            classWeights: weights, units: units)
        return LinearModel(means: means, scales: scales, hidden: hidden, weights: output)
    }
    let rows = Fitting.softmax(
        Fitting.standardized(x, means, scales), labels: pairs.map(\.label), classes: classes, classWeights: weights)
    return LinearModel(means: means, scales: scales, weights: rows)
}
@MainActor func predict(_ model: LinearModel, _ pairs: [DataSets.Pair]) -> [Int] {
    features(pairs).map { x in
        let p = model.probabilities(x)
        return p.indices.max { p[$0] < p[$1] }!
    }
}
@MainActor func sayFNC(_ title: String, gold: [Int], predicted: [Int]) {
    say(String(format: "%@: FNC score %.2f", title, Scores.fnc(gold: gold, predicted: predicted)))
    for (label, name) in ["unrelated", "agree", "disagree", "discuss"].enumerated() {
        say(String(format: "  %@ F1 %.3f", name, Scores.f1(gold: gold, predicted: predicted, label: label)))
    }
}
var bodyModel = AgreementModels.bundled.bodyStance
if !termsOnly, !shortOnly, !fncFolds {
    bodyModel = fitSoftmax(fnc.train, classes: 4, power: 0.5, units: 16)
    sayFNC("FNC-1 hold-out (features)", gold: fnc.dev.map(\.label), predicted: predict(bodyModel, fnc.dev))
    bodyModel = fitSoftmax(fnc.train + fnc.dev, classes: 4, power: 0.5, units: 16)
}

// 4b. Body stance with words: the same features and `AgreementFeatures.cues`, plus bags of hashed
// words, through one hidden layer (`TermNetwork`). The number of epochs is chosen over five
// topic-disjoint folds of all FNC-1 train (the estimate for new stories), then the network is
// fitted on the training bodies (reported on the usual hold-out) and finally on everything.
let termSettings = TermTraining.Settings.fromEnvironment
@MainActor func termInputs(_ pairs: [DataSets.Pair]) -> (features: [[Double]], bags: [[[UInt32: Float]]]) {
    // TERM_BAGS ("11" by default) leaves bags out and TERM_CUES=0 the cues, to measure what each
    // brings (not with --write: `compare` gives the network its cues).
    let used = (environment["TERM_BAGS"] ?? "11").map { $0 == "1" }
    let withCues = environment["TERM_CUES"] != "0"
    return (
        pairs.map { pair in
            let (a, b) = (prepared[pair.a]!, prepared[pair.b]!)
            return AgreementFeatures.features(a, b) + (withCues ? AgreementFeatures.cues(a, b) : [])
        },
        pairs.map { pair in
            AgreementFeatures.bags(prepared[pair.a]!, prepared[pair.b]!).enumerated().map {
                $0.offset < used.count && used[$0.offset] ? $0.element : [:]
            }
        }
    )
}
func predictTerms(
    _ network: TermNetwork, _ inputs: (features: [[Double]], bags: [[[UInt32: Float]]])
) -> [Int] {
    inputs.features.indices.map { index in
        let p = network.probabilities(features: inputs.features[index], bags: inputs.bags[index])
        return p.indices.max { p[$0] < p[$1] }!
    }
}
/// Which of five folds a name (a topic, a claim, a sentence id) falls in, the same on every run.
func fold(_ name: String) -> Int { name.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 1009 } % 5 }
/// The network as it will be shipped: word weights in 8 bits.
func quantized(_ network: TermNetwork) -> TermNetwork {
    TermNetwork(
        buckets: network.buckets, bags: network.bags, units: network.units, means: network.means,
        scales: network.scales,
        termWeights: TermNetwork.unpackTerms(
            network.packedTerms, rows: network.bags * network.buckets, units: network.units),
        featureWeights: network.featureWeights, hiddenBias: network.hiddenBias, output: network.output)
}
/// Each pair's class after every epoch, from networks that never saw its story: headlines and
/// bodies joined by a related pair form a topic (191 of them), and each fifth of the topics in
/// turn is scored by a network fitted only on pairs whose headline and body are both of the
/// other four. The usual hold-out shares every headline with training, so a network that
/// reads words scores 2 to 3 points higher there than on stories it has not seen; one fifth alone
/// holds 140 to 230 disagree pairs, too few to choose by, while the five pooled hold 840.
func topicFolds(
    _ pairs: [DataSets.Pair], inputs: (features: [[Double]], bags: [[[UInt32: Float]]]),
    topics: [(headline: String, body: String)]
) -> [[Int]] {
    func part(_ indices: [Int]) -> (features: [[Double]], bags: [[[UInt32: Float]]]) {
        (indices.map { inputs.features[$0] }, indices.map { inputs.bags[$0] })
    }
    var byEpoch = [[Int]](repeating: [Int](repeating: 0, count: pairs.count), count: termSettings.epochs)
    for held in 0..<5 {
        let fitIndices = pairs.indices.filter { fold(topics[$0].headline) != held && fold(topics[$0].body) != held }
        let fitPart = fitIndices.map { pairs[$0] }
        let heldIndices = pairs.indices.filter { fold(topics[$0].body) == held }
        let heldInputs = part(heldIndices)
        let fitInputs = part(fitIndices)
        _ = TermTraining.fit(
            features: fitInputs.features, bags: fitInputs.bags, labels: fitPart.map(\.label),
            topics: DataSets.topics(fitPart).map(\.body), classes: 4, settings: termSettings
        ) { epoch, network in
            for (index, predicted) in zip(heldIndices, predictTerms(network, heldInputs)) {
                byEpoch[epoch - 1][index] = predicted
            }
        }
    }
    return byEpoch
}
var bodyTerms = AgreementModels.bundled.bodyTerms
if !shortOnly {
    let termStart = Date()
    let allFNC = fnc.train + fnc.dev
    let fncTopics = DataSets.topics(allFNC)
    let gold = allFNC.map(\.label)
    // Measured once: the folds, the hold-out and the last fit all read these rows.
    let allInputs = termInputs(allFNC)
    var bestEpoch = (epoch: termSettings.epochs, score: -1.0)
    for (epoch, predicted) in topicFolds(allFNC, inputs: allInputs, topics: fncTopics).enumerated() {
        let score = Scores.fnc(gold: gold, predicted: predicted)
        func f1(_ label: Int) -> Double { Scores.f1(gold: gold, predicted: predicted, label: label) }
        let folds = (0..<5).map { held -> String in
            let indices = allFNC.indices.filter { fold(fncTopics[$0].body) == held }
            return String(
                format: "%.1f", Scores.fnc(gold: indices.map { gold[$0] }, predicted: indices.map { predicted[$0] }))
        }
        say(
            String(
                format: "  epoch %d, five topic-disjoint folds: FNC %.2f (folds %@), F1 disagree %.3f, agree %.3f, "
                    + "discuss %.3f, unrelated %.3f",
                epoch + 1, score, folds.joined(separator: " "), f1(2), f1(1), f1(3), f1(0)))
        if score > bestEpoch.score { bestEpoch = (epoch + 1, score) }
    }
    say(
        String(
            format: "term network: best epoch %d over the folds (%.1f s)", bestEpoch.epoch,
            Date().timeIntervalSince(termStart)))
    if fncFolds { exit(0) }
    var chosen = termSettings
    chosen.epochs = bestEpoch.epoch
    let trainInputs = (
        features: Array(allInputs.features.prefix(fnc.train.count)), bags: Array(allInputs.bags.prefix(fnc.train.count))
    )
    let devInputs = (
        features: Array(allInputs.features.suffix(fnc.dev.count)), bags: Array(allInputs.bags.suffix(fnc.dev.count))
    )
    let heldNetwork = quantized(
        TermTraining.fit(
            features: trainInputs.features, bags: trainInputs.bags, labels: fnc.train.map(\.label),
            topics: DataSets.topics(fnc.train).map(\.body), classes: 4,
            settings: chosen))
    sayFNC(
        "FNC-1 hold-out (features and words)", gold: fnc.dev.map(\.label),
        predicted: predictTerms(heldNetwork, devInputs))
    bodyTerms = quantized(
        TermTraining.fit(
            features: allInputs.features, bags: allInputs.bags, labels: allFNC.map(\.label),
            topics: fncTopics.map(\.body),
            classes: 4, settings: chosen))
}

// 5. Short pairs: Emergent (for, against, observing) and MRPC (a paraphrase supports, a
// non-paraphrase only discusses) together, split by what b is: a headline or a sentence. They
// read the shared measures and the wording measures (`AgreementFeatures.wording`); the headline
// model also reads the words a headline adds to the claim it restates (`addedWords`), those
// added in pairs of at least `SHORT_MINGROUPS` different claims, so that no one story's words
// are learned as a stance. Each set is reported by five-fold cross-validation over its groups
// (Emergent's claims, MRPC's first sentences), then the models are refitted on all.
var sentenceModel = AgreementModels.bundled.sentenceStance
var headlineModel = AgreementModels.bundled.headlineStance
var relatednessModel = AgreementModels.bundled.shortRelatedness
let mrpcAsStance = mrpc.map { DataSets.Pair(a: $0.a, b: $0.b, label: $0.label == 1 ? 0 : 2, group: $0.group) }
/// What `unrelated` looks like among short texts: each pair's a against the b of a pair half
/// the set away, about another claim or sentence (label 3).
func mismatched(_ set: [DataSets.Pair]) -> [DataSets.Pair] {
    set.indices.compactMap { index in
        let other = set[(index + set.count / 2) % set.count]
        guard other.group != set[index].group, other.a != set[index].a else { return nil }
        return DataSets.Pair(a: set[index].a, b: other.b, label: 3, group: set[index].group)
    }
}
let shortSets = (emergent: emergent + mismatched(emergent), mrpc: mrpcAsStance + mismatched(mrpcAsStance))
let shortL2 = environment["SHORT_L2"].flatMap(Double.init) ?? 0.006
let wordInput = environment["SHORT_WORD"].flatMap(Double.init) ?? 2
let minimumGroups = environment["SHORT_MINGROUPS"].flatMap(Int.init) ?? 3
@MainActor func isHeadlinePair(_ pair: DataSets.Pair) -> Bool { Comparer.isHeadline(prepared[pair.b]!) }
@MainActor func addedWords(_ pair: DataSets.Pair) -> Set<UInt32> {
    AgreementFeatures.addedWords(prepared[pair.a]!, prepared[pair.b]!)
}
/// A softmax over the shared and wording measures, and over word columns when `words`.
@MainActor func fitShortModel(_ pairs: [DataSets.Pair], words: Bool, classes: Int = 3) -> LinearModel {
    var columns: [UInt32] = []
    if words {
        var groups: [UInt32: Set<String>] = [:]
        for pair in pairs { for word in addedWords(pair) { groups[word, default: []].insert(pair.group) } }
        columns = groups.filter { $0.value.count >= minimumGroups }.keys.sorted()
    }
    let measured = pairs.map { pair in
        let (a, b) = (prepared[pair.a]!, prepared[pair.b]!)
        return AgreementFeatures.features(a, b) + AgreementFeatures.wording(a, b)
    }
    var (means, scales) = Fitting.standardization(measured)
    // Word columns enter unscaled as 0 or `wordInput`: a standardized rare word would weigh
    // more than a common one for the same evidence.
    means += [Double](repeating: 0, count: columns.count)
    scales += [Double](repeating: 1 / wordInput, count: columns.count)
    let shape = LinearModel(means: means, scales: scales, weights: [], wordColumns: columns)
    let rows = zip(pairs, measured).map { pair, row in
        Fitting.standardized([shape.inputs(row, words: words ? addedWords(pair) : [])], means, scales)[0]
    }
    var counts = [Double](repeating: 0, count: classes)
    for pair in pairs { counts[pair.label] += 1 }
    let classWeights = counts.map { $0 > 0 ? (Double(pairs.count) / $0).squareRoot() : 0 }
    let weights = Fitting.softmax(
        rows, labels: pairs.map(\.label), classes: classes, classWeights: classWeights, l2: shortL2)
    return LinearModel(means: means, scales: scales, weights: weights, wordColumns: columns)
}
@MainActor func fitShort(_ pairs: [DataSets.Pair]) -> (
    sentence: LinearModel, headline: LinearModel, relatedness: LinearModel
) {
    let related = pairs.filter { $0.label != 3 }
    let relatedness = pairs.map { DataSets.Pair(a: $0.a, b: $0.b, label: $0.label == 3 ? 1 : 0, group: $0.group) }
    // Precision first for `unrelated`: its bias is lowered until at most one in two hundred
    // related pairs of headlines, and of sentences, would be called unrelated.
    var relatednessModel = fitShortModel(relatedness, words: false, classes: 2)
    var shift = 0.0
    for headlines in [true, false] {
        let margins = related.filter { isHeadlinePair($0) == headlines }.map { pair -> Double in
            let (a, b) = (prepared[pair.a]!, prepared[pair.b]!)
            let outputs = relatednessModel.outputs(AgreementFeatures.features(a, b) + AgreementFeatures.wording(a, b))
            return outputs[1] - outputs[0]
        }.sorted()
        if !margins.isEmpty { shift = max(shift, margins[margins.count * 199 / 200]) }
    }
    relatednessModel.weights[1][relatednessModel.weights[1].count - 1] -= shift
    return (
        fitShortModel(related.filter { !isHeadlinePair($0) }, words: false),
        fitShortModel(related.filter(isHeadlinePair), words: true), relatednessModel
    )
}
/// `compare` with these short-pair models and the body models fitted above.
@MainActor func shortComparer(_ models: (sentence: LinearModel, headline: LinearModel, relatedness: LinearModel))
    -> Comparer
{
    Comparer(
        models: AgreementModels(
            similarity: similarityModel, bodyStance: bodyModel, sentenceStance: models.sentence,
            headlineStance: models.headline, shortRelatedness: models.relatedness, bodyTerms: bodyTerms),
        terms: terms)
}
/// The short-pair models' classes (3 for unrelated), without `compare`'s rules on aligned claims.
@MainActor func predictShort(_ comparer: Comparer, _ pairs: [DataSets.Pair]) -> [Int] {
    pairs.map { pair in
        let (a, b) = (prepared[pair.a]!, prepared[pair.b]!)
        let relation = comparer.shortRelation(a, b, features: AgreementFeatures.features(a, b))
        return AgreementModels.sentenceClasses.firstIndex(of: relation) ?? 3
    }
}
if !termsOnly, !emergent.isEmpty || !mrpc.isEmpty {
    func percent(_ count: Int, _ total: Int) -> Double { 100 * Double(count) / Double(max(1, total)) }
    // Per set, right answers by the models alone and through `compare` (which adds the rules on
    // aligned claims), and how the mismatched pairs fare: MRPC's paraphrase is `supports`.
    var right = (emergent: 0, mrpc: 0, emergentCompared: 0, mrpcCompared: 0, unrelated: 0, relatedAsUnrelated: 0)
    let negatives = shortSets.emergent.count + shortSets.mrpc.count - emergent.count - mrpc.count
    for held in 0..<5 {
        let comparer = shortComparer(fitShort((shortSets.emergent + shortSets.mrpc).filter { fold($0.group) != held }))
        func compared(_ pair: DataSets.Pair) -> Int {
            AgreementModels.sentenceClasses.firstIndex(
                of: comparer.compare(prepared[pair.a]!, prepared[pair.b]!).relation)
                ?? 3
        }
        let heldEmergent = emergent.filter { fold($0.group) == held }
        let heldMRPC = mrpcAsStance.filter { fold($0.group) == held }
        let heldMismatched = (shortSets.emergent + shortSets.mrpc).filter { fold($0.group) == held && $0.label == 3 }
        let alone = predictShort(comparer, heldEmergent + heldMRPC)
        right.emergent += zip(alone, heldEmergent).filter { $0 == $1.label }.count
        right.mrpc += zip(alone.dropFirst(heldEmergent.count), heldMRPC).filter { ($0 == 0) == ($1.label == 0) }.count
        right.relatedAsUnrelated += alone.filter { $0 == 3 }.count
        right.emergentCompared += heldEmergent.filter { compared($0) == $0.label }.count
        right.mrpcCompared += heldMRPC.filter { (compared($0) == 0) == ($0.label == 0) }.count
        right.unrelated += heldMismatched.filter { compared($0) == 3 }.count
    }
    say(
        String(
            format:
                "five-fold cross-validation, models alone: Emergent accuracy %.2f%% (%d pairs), MRPC %.2f%% (%d pairs)",
            percent(right.emergent, emergent.count), emergent.count, percent(right.mrpc, mrpc.count), mrpc.count))
    say(
        String(
            format: "  through compare: Emergent %.2f%%, MRPC %.2f%%", percent(right.emergentCompared, emergent.count),
            percent(right.mrpcCompared, mrpc.count)))
    say(
        String(
            format: "  unrelated: %.1f%% of %d mismatched pairs, %.2f%% of the related ones",
            percent(right.unrelated, negatives), negatives,
            percent(right.relatedAsUnrelated, emergent.count + mrpc.count)))
    (sentenceModel, headlineModel, relatednessModel) = fitShort(shortSets.emergent + shortSets.mrpc)
    say("headline model: \(headlineModel.wordColumns.count) word columns")
}

let models = AgreementModels(
    similarity: similarityModel, bodyStance: bodyModel, sentenceStance: sentenceModel, headlineStance: headlineModel,
    shortRelatedness: relatednessModel, bodyTerms: bodyTerms)

if write {
    let folder = repository.appendingPathComponent("Sources/Corroboration")
    try WeightsFile.models(models).write(
        to: folder.appendingPathComponent("AgreementWeights.swift"), atomically: true, encoding: .utf8)
    if let network = models.bodyTerms {
        try WeightsFile.termWeights(network).write(
            to: folder.appendingPathComponent("AgreementTermWeights.swift"), atomically: true, encoding: .utf8)
    }
    try WeightsFile.terms(terms).write(
        to: folder.appendingPathComponent("BackgroundTermsData.swift"), atomically: true, encoding: .utf8)
    say("wrote \(folder.path)/AgreementWeights.swift and BackgroundTermsData.swift")
}

// The fitted models as `compare` runs them, on the short sets: what the evaluation will see.
if !emergent.isEmpty {
    let fitted = Comparer(models: models, terms: terms)
    let relations = AgreementModels.sentenceClasses
    let viaCompare = emergent.map { pair -> Int in
        relations.firstIndex(of: fitted.compare(prepared[pair.a]!, prepared[pair.b]!).relation) ?? 3
    }
    say(
        String(
            format: "Emergent through compare (fitted on it): accuracy %.1f%%; by the model alone %.1f%%",
            100 * Scores.accuracy(gold: emergent.map(\.label), predicted: viaCompare),
            100
                * Scores.accuracy(
                    gold: emergent.map(\.label),
                    predicted: predictShort(fitted, emergent))))
}
