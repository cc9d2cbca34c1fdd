#include <xparray.h>
#include <stdio.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(void){
  int64_t n=10000000; xp_create_opts co={XP_FLOAT32,0};
  xp_array *a=xp_ones(1,&n,&co);
  double t=now(); xp_array *s=xp_sum(a,NULL); printf("sum %f ms\n",(now()-t)*1e3); xp_release(s);
  t=now(); s=xp_mean(a,NULL); printf("mean %f ms\n",(now()-t)*1e3); xp_release(s);
  int64_t sh[2]={n/10,10}; xp_array *b=xp_ones(2,sh,&co);
  xp_reduce_opts o={.axes=XP_AXES(0)};
  t=now(); s=xp_sum(b,&o); printf("sum ax0 %f ms\n",(now()-t)*1e3); xp_release(s);
  return 0;}
