#!/usr/bin/perl
# golden-normalise.pl go|cxx <RESULT — rewrites a golden run's result (the
# .want format of tools/golden.sh) so that Go 1.19's output and ours compare
# equal when they differ only where they must (test/golden/README.md lists
# every rule and why):
#  - addresses and offsets (0x...) become 0x?, except the signal's code= and addr=;
#  - the M in a signal report's "PC=... m=N" becomes m=?;
#  - a file becomes its base name without extension, with its line
#    (test/golden/x.go:13 and test/golden/x.cpp:13 are both x:13);
#  - frames outside the test program (Go's runtime and packages, our
#    runtime/, pkg/ and inlined headers) collapse into one "<library>" line
#    per run of them: the names and lines of library internals differ by
#    construction, but where library code sits in a stack must not;
#  - names: Go's "main." prefix goes, "main.main.func1" and our
#    "main::{lambda()#1}" both become "main.func1", argument lists become (...);
#  - goroutine ids other than 1 become N (Go's GC goroutines shift them), the
#    goroutines after the first of a dump are sorted (allgs order differs),
#    and Go's own runtime goroutines (created by runtime.*) are dropped;
#  - qemu-user's "qemu: uncaught target signal" line is dropped;
#  - at GOTRACEBACK=crash, identical consecutive per-M reports (after
#    "-----" lines) collapse into one;
#  - schedtrace: the first SCHED report (start-up) is dropped, every count
#    becomes N except gomaxprocs, the number of Ps and each G's status and
#    wait reason; M lines collapse into one, G lines lose their ids and are
#    sorted, Go's GC goroutines are dropped, and repeated reports collapse.
use strict;
use warnings;

my $side = shift @ARGV // die "usage: golden-normalise.pl go|cxx\n";
my @lines = map { chomp; $_ } <STDIN>;
my (@head, @out, @err, $cur);
for (@lines) {
    if ($_ eq '--- stdout') { $cur = \@out; next }
    if ($_ eq '--- stderr') { $cur = \@err; next }
    if (!$cur) { push @head, $_; next }
    next if /^qemu: uncaught target signal/;
    push @$cur, $_;
}

sub name {
    my ($n) = @_;
    $n =~ s/^main\.//;
    $n =~ s/\{lambda\(\)#(\d+)\}/func$1/g;  # main::{lambda()#1} -> main::func1
    $n =~ s/::/./g;
    $n =~ s/\((?!\)).*\)$/(...)/;         # any argument list -> (...)
    return $n;
}
sub isuser { return $_[0] =~ m{(^\t|/)test/golden/[^/]+\.(go|cpp):} }
sub fileline {
    my ($l) = @_;
    my ($path, $line, $off, $rest) = $l =~ /^\t(\S+?)(?::(\d+))?( \+0x[0-9a-f]+)?((?: .*)?)$/;
    my $stem = $path;
    $stem =~ s{.*/}{};
    $stem =~ s/\.(go|cpp)$//;
    $rest =~ s/=0x[0-9a-f]+/=?/g;
    # An inlined call's frame has no offset: that stays visible.
    return "\t$stem" . (defined $line ? ":$line" : "") . (defined $off ? " +0x?" : "") . $rest;
}

# One paragraph's frames: name line + tab line pairs.
sub frames {
    my @p = @_;
    my @r;
    my $lib = 0;
    for (my $i = 0; $i < @p; $i++) {
        my $l = $p[$i];
        if ($i + 1 < @p && $p[$i + 1] =~ /^\t/ && $l !~ /^\t/ && $l !~ /^goroutine \d+ \[/) {
            my $fl = $p[++$i];
            if ($l =~ /^created by (.*)/) {
                my $n = $1;
                $n =~ s/ in goroutine \d+$//;
                push @r, "created by " . name($n);
                push @r, isuser($fl) ? fileline($fl) : "\t<library>";
                $lib = 0;
                next;
            }
            if (isuser($fl)) {
                push @r, name($l), fileline($fl);
                $lib = 0;
            } elsif (!$lib) {
                push @r, "\t<library>";
                $lib = 1;
            }
            next;
        }
        $lib = 0;
        push @r, $l;
    }
    return @r;
}

sub hexes {
    my ($l) = @_;
    $l =~ s/(?<!code=)(?<!addr=)0x[0-9a-f]+/0x?/g;
    $l =~ s/^(PC=0x\? m=)\d+/${1}?/;  # which M ran the signalled goroutine
    return $l;
}

# schedtrace / scheddetail reports.
if (grep { /^SCHED / } @err) {
    my (@blocks, @rest);
    for (@err) {
        if (/^SCHED /) { push @blocks, [$_]; next }
        if (@blocks && /^  [PMG]\d/) { push @{ $blocks[-1] }, $_; next }
        push @rest, $_;
    }
    shift @blocks;
    my (@texts, %seenM);
    for my $b (@blocks) {
        my (@l, @gs, $m);
        for (@$b) {
            my $x = $_;
            if ($x =~ /^SCHED /) {
                my $np = () = $x =~ / (\d+)(?=[ \]])/g;
                $x =~ s/^SCHED \d+ms/SCHED Nms/;
                $x =~ s/(?<!gomaxprocs)=\d+/=N/g;
                $x =~ s/ \[(\d+(?: \d+)*)\]$/" [" . join(" ", map { "N" } split(\/ \/, $1)) . "]"/e;
                push @l, $x;
            } elsif ($x =~ /^  P(\d+): /) {
                $x =~ s/=-?\d+/=N/g;
                push @l, $x;
            } elsif ($x =~ /^  M\d+: /) {
                $x =~ s/^  M\d+/  M/;
                $x =~ s/=(-?\d+|true|false)/=N/g;
                $m = $x;
            } elsif ($x =~ /^  G\d+: status=(\d+)\((.*)\) /) {
                next if $2 =~ /^(force gc \(idle\)|GC sweep wait|GC scavenge wait|finalizer wait|GC worker \(idle\))$/;
                push @gs, "  G: status=$1($2)";
            }
        }
        push @l, $m if defined $m;
        push @l, sort @gs;
        my $t = join("\n", @l);
        push @texts, $t unless @texts && $texts[-1] eq $t;
    }
    @err = (@rest, map { split /\n/ } @texts);
}

# Paragraphs of stderr (blank-line separated).
my @paras = ([]);
for (@err) {
    if ($_ eq '') { push @paras, [] if @{ $paras[-1] }; next }
    push @{ $paras[-1] }, $_;
}
pop @paras if !@{ $paras[-1] };

my @norm;
for my $p (@paras) {
    my @l = @$p;
    my $isg = $l[0] =~ /^goroutine \d+ \[/;
    if ($isg) {
        next if grep { /^created by runtime\./ } @l;
        $l[0] =~ s/^goroutine (\d+) \[(.*?)(, \d+ minutes)?\]:/"goroutine " . ($1 == 1 ? 1 : "N") . " [$2]:"/e;
    }
    my @f = map { hexes($_) } ($isg || grep({ /^runtime stack:$/ } @l) ? frames(@l) : @l);
    push @norm, { g => $isg, text => join("\n", @f) };
}
# Sort each run of goroutine paragraphs after its first.
my @final;
for (my $i = 0; $i < @norm; $i++) {
    if (!$norm[$i]{g}) { push @final, $norm[$i]{text}; next }
    my $j = $i;
    $j++ while $j + 1 < @norm && $norm[$j + 1]{g};
    push @final, $norm[$i]{text}, sort map { $_->{text} } @norm[$i + 1 .. $j];
    $i = $j;
}

# GOTRACEBACK=crash: every M reports in turn after a "-----" line; identical
# consecutive reports (idle Ms: goroutine 0, runtime frames, registers)
# collapse into one, since how many Ms a runtime keeps is its own.
my @reports = ([]);
for (@final) {
    if ($_ eq '-----') { push @reports, []; next }
    push @{ $reports[-1] }, $_;
}
if (@reports > 1) {
    my @kept;
    for my $r (@reports) {
        my $t = join("\n\n", @$r);
        push @kept, $t unless @kept && $kept[-1] eq $t;
    }
    @final = (join("\n\n-----\n\n", @kept));
}

print "$_\n" for @head;
print "--- stdout\n";
print "$_\n" for @out;
print "--- stderr\n";
print join("\n\n", @final), (@final ? "\n" : "");
